using MathNet.Numerics.Distributions;
using TrialSim.Decisions;

namespace TrialSim.Tests.Decisions;

// The hazard-ratio and conditional-power helpers against their formulas.
public class FutilityRuleTest
{
    [Fact]
    public void Hazard_ratio_to_z_is_minus_log_ratio_times_root_information()
    {
        // 100 events, 1:1: information about 25; HR 0.8 is z = -log(0.8) * 5.
        Assert.Equal(-Math.Log(0.8) * 5, HazardRatioFutility.HazardRatioToZ(0.8, 25), 1e-14);
        Assert.Equal(0.0, HazardRatioFutility.HazardRatioToZ(1.0, 25));
        Assert.True(HazardRatioFutility.HazardRatioToZ(1.2, 25) < 0);
        Assert.Equal("maxHazardRatio", Assert.Throws<ArgumentOutOfRangeException>(() => HazardRatioFutility.HazardRatioToZ(0, 25)).ParamName);
        Assert.Equal("information", Assert.Throws<ArgumentOutOfRangeException>(() => HazardRatioFutility.HazardRatioToZ(0.8, double.NaN)).ParamName);
    }

    [Fact]
    public void Conditional_power_is_the_B_value_formula()
    {
        double z = 1.2, t = 0.5, finalBoundary = 2.0140836760, drift = 2.8;
        double expected = 1 - Normal.CDF(0, 1, (finalBoundary - z * Math.Sqrt(t) - drift * (1 - t)) / Math.Sqrt(1 - t));
        Assert.Equal(expected, ConditionalPowerFutility.ConditionalPower(z, t, finalBoundary, drift), 1e-15);
        Assert.Equal(1.0, ConditionalPowerFutility.ConditionalPower(2.1, 1.0, finalBoundary, drift));
        Assert.Equal(0.0, ConditionalPowerFutility.ConditionalPower(1.9, 1.0, finalBoundary, drift));
    }

    [Fact]
    public void Current_trend_is_z_over_root_t_and_z_bound_inverts_conditional_power()
    {
        Assert.Equal(1.2 / Math.Sqrt(0.5), ConditionalPowerFutility.CurrentTrendDrift(1.2, 0.5), 1e-15);
        double t = 0.4, finalBoundary = 1.96;
        double bound = ConditionalPowerFutility.ZBound(0.2, t, finalBoundary);
        double power = ConditionalPowerFutility.ConditionalPower(bound, t, finalBoundary, ConditionalPowerFutility.CurrentTrendDrift(bound, t));
        Assert.Equal(0.2, power, 1e-12);
        Assert.Equal("minConditionalPower", Assert.Throws<ArgumentOutOfRangeException>(() => ConditionalPowerFutility.ZBound(1.0, t, finalBoundary)).ParamName);
        Assert.Equal("informationFraction", Assert.Throws<ArgumentOutOfRangeException>(() => ConditionalPowerFutility.CurrentTrendDrift(1.0, 0.0)).ParamName);
    }
}

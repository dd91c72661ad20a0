using MathNet.Numerics.Distributions;
using TrialSim.Decisions;

namespace TrialSim.Tests.Decisions;

// The spending functions against their closed forms written out independently here, their end
// points (0 at t = 0, the level at t = 1), monotonicity, and the parameter checks.
public class SpendingFunctionTest
{
    private static readonly SpendingFunction[] AllFamilies =
    [
        new LanDeMetsOBrienFleming(), new LanDeMetsPocock(), new HwangShihDeCani(-4), new HwangShihDeCani(1),
        new HwangShihDeCani(0), new HwangShihDeCani(-30), new KimDeMetsPower(2), new KimDeMetsPower(3),
    ];

    public static TheoryData<SpendingFunction> Families() => new(AllFamilies);

    [Theory]
    [MemberData(nameof(Families))]
    public void Spends_nothing_at_zero_and_the_level_at_one_and_increases(SpendingFunction function)
    {
        Assert.Equal(0.0, function.Spend(0.025, 0.0));
        Assert.Equal(0.025, function.Spend(0.025, 1.0), 1e-15);
        double previous = 0;
        for (int i = 1; i <= 100; i++)
        {
            double spent = function.Spend(0.025, i / 100.0);
            Assert.True(spent > previous, $"spend at {i / 100.0} is {spent}, not above {previous}");
            previous = spent;
        }
    }

    [Theory]
    [InlineData(0.025, 0.5)]
    [InlineData(0.05, 0.3)]
    [InlineData(0.2, 0.75)]
    public void OBrienFleming_is_two_minus_two_Phi(double level, double t)
    {
        double expected = 2 - 2 * Normal.CDF(0, 1, Normal.InvCDF(0, 1, 1 - level / 2) / Math.Sqrt(t));
        Assert.Equal(expected, new LanDeMetsOBrienFleming().Spend(level, t), 1e-15);
    }

    [Fact]
    public void OBrienFleming_at_half_information_matches_rpact()
    {
        // rpact 3.3.4 getDesignGroupSequential(kMax = 3, alpha = 0.025, informationRates = c(0.5, 0.75, 1),
        // typeOfDesign = "asOF")$alphaSpent: 0.0015253228, 0.0096493249.
        Assert.Equal(0.0015253228, new LanDeMetsOBrienFleming().Spend(0.025, 0.5), 1e-10);
        Assert.Equal(0.0096493249, new LanDeMetsOBrienFleming().Spend(0.025, 0.75), 1e-10);
    }

    [Theory]
    [InlineData(0.025, 0.5)]
    [InlineData(0.05, 0.3)]
    public void Pocock_is_level_log_one_plus_e_minus_one_t(double level, double t) =>
        Assert.Equal(level * Math.Log(1 + (Math.E - 1) * t), new LanDeMetsPocock().Spend(level, t), 1e-16);

    [Theory]
    [InlineData(-4, 0.5)]
    [InlineData(1, 0.5)]
    [InlineData(-4, 0.25)]
    [InlineData(2.5, 0.8)]
    public void HwangShihDeCani_is_the_exponential_ratio(double gamma, double t) =>
        Assert.Equal(0.025 * (1 - Math.Exp(-gamma * t)) / (1 - Math.Exp(-gamma)), new HwangShihDeCani(gamma).Spend(0.025, t), 1e-16);

    [Fact]
    public void HwangShihDeCani_is_linear_at_gamma_zero_and_continuous_near_it()
    {
        Assert.Equal(0.025 * 0.3, new HwangShihDeCani(0).Spend(0.025, 0.3), 1e-17);
        // Near 0 the ratio is level t (1 + gamma (1 - t) / 2) to first order; expm1 keeps those digits.
        Assert.Equal(0.025 * 0.3 * (1 + 1e-9 * 0.7 / 2), new HwangShihDeCani(1e-9).Spend(0.025, 0.3), 1e-17);
        Assert.Equal(0.025 * 0.3 * (1 - 1e-9 * 0.7 / 2), new HwangShihDeCani(-1e-9).Spend(0.025, 0.3), 1e-17);
    }

    [Fact]
    public void HwangShihDeCani_stays_finite_for_very_negative_gamma()
    {
        // e^{1000} overflows; the rewritten ratio e^{g (t - 1)} (1 - e^{-g t}) / (1 - e^{-g}) does not.
        Assert.Equal(0.025 * Math.Exp(-1000 * 0.001), new HwangShihDeCani(-1000).Spend(0.025, 0.999), 1e-15);
    }

    [Theory]
    [InlineData(2, 0.5)]
    [InlineData(3, 0.75)]
    [InlineData(0.5, 0.3)]
    public void KimDeMets_is_level_t_to_the_rho(double rho, double t) =>
        Assert.Equal(0.025 * Math.Pow(t, rho), new KimDeMetsPower(rho).Spend(0.025, t), 1e-17);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void KimDeMets_rejects_rho_not_positive_and_finite(double rho)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new KimDeMetsPower(rho).Spend(0.025, 0.5));
        Assert.Equal("rho", error.ParamName);
        Assert.Contains("greater than 0", error.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void HwangShihDeCani_rejects_gamma_not_finite(double gamma) =>
        Assert.Equal("gamma", Assert.Throws<ArgumentOutOfRangeException>(() => new HwangShihDeCani(gamma).Spend(0.025, 0.5)).ParamName);

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Every_family_rejects_t_outside_zero_one(double t)
    {
        foreach (var function in AllFamilies)
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => function.Spend(0.025, t));
            Assert.Equal("t", error.ParamName);
            Assert.Contains("[0, 1]", error.Message);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Every_family_rejects_a_level_outside_zero_half(double level)
    {
        foreach (var function in AllFamilies)
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => function.Spend(level, 0.5));
            Assert.Equal("level", error.ParamName);
            Assert.Contains("between 0 and 0.5", error.Message);
        }
    }
}

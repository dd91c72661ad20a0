using MathNet.Numerics.Distributions;
using TrialSim.Analyses;

namespace TrialSim.SampleSize;

/// <summary>Argument checks and normal quantiles shared by the sample-size formulas, so each rule
/// lives in one place.</summary>
internal static class SizingChecks
{
    /// <summary>alpha and power in (0, 1), sided 1 or 2, and power above alpha / sided: the power a test
    /// has with no data at all, where every formula would ask for zero or fewer.</summary>
    public static void RequireErrorRates(double alpha, double power, int sided)
    {
        RequireAlpha(alpha, sided);
        SpecChecks.RequireOpenUnit(power, nameof(power));
        if (!(power > alpha / sided))
            throw new ArgumentOutOfRangeException(nameof(power), power, $"power must exceed alpha / sided ({alpha / sided}), which a test reaches with no data");
    }

    public static void RequireAlpha(double alpha, int sided)
    {
        SpecChecks.RequireOpenUnit(alpha, nameof(alpha));
        if (sided is not (1 or 2)) throw new ArgumentOutOfRangeException(nameof(sided), sided, "sided must be 1 or 2");
    }

    /// <summary>A hazard ratio, experimental over control: positive, finite, not 1.</summary>
    public static void RequireHazardRatio(double hazardRatio)
    {
        if (!(hazardRatio > 0) || double.IsPositiveInfinity(hazardRatio) || hazardRatio == 1)
            throw new ArgumentOutOfRangeException(nameof(hazardRatio), hazardRatio, "hazardRatio must be a positive finite number other than 1");
    }

    public static void RequireAllocation(double allocation) => SpecChecks.RequireOpenUnit(allocation, nameof(allocation));

    public static void RequirePositiveFinite(double value, string name)
    {
        if (!(value > 0) || double.IsPositiveInfinity(value))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive finite number");
    }

    /// <summary>z = Phi^-1(p).</summary>
    public static double NormalQuantile(double probability) => Normal.InvCDF(0.0, 1.0, probability);

    /// <summary>P(the level-alpha z test rejects) when the statistic is N(drift, 1), drift &gt;= 0 in the
    /// direction of the effect: Phi(drift - z) one-sided; two-sided also adds the far tail Phi(-drift - z),
    /// z = Phi^-1(1 - alpha / sided).</summary>
    public static double RejectionProbability(double drift, double alpha, int sided)
    {
        double z = NormalQuantile(1.0 - alpha / sided);
        double power = Normal.CDF(0.0, 1.0, drift - z);
        return sided == 2 ? power + Normal.CDF(0.0, 1.0, -drift - z) : power;
    }
}

using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace TrialSim.Decisions;

/// <summary>
/// The error-spending functions' formulas, shared by the <see cref="SpendingFunction"/> records so
/// that each formula and each parameter check lives in one place. One-sided level, information
/// fraction t in [0, 1]; every function is 0 at t = 0 and equals the level at t = 1.
/// </summary>
/// <remarks>
/// Lan &amp; DeMets (1983) "Discrete sequential boundaries for clinical trials", Biometrika 70:659-663
/// (the O'Brien-Fleming and Pocock types); Hwang, Shih &amp; DeCani (1990) "Group sequential designs
/// using a family of type I error probability spending functions", Statistics in Medicine 9:1439-1445;
/// Kim &amp; DeMets (1987) "Design and analysis of group sequential tests based on the type I error
/// spending rate function", Biometrika 74:149-154. The same definitions as rpact's "asOF", "asP",
/// "asHSD" and "asKD" (and their beta-spending twins).
/// </remarks>
internal static class SpendingFunctions
{
    /// <summary>Lan-DeMets O'Brien-Fleming type: 2 - 2 Phi(z_{1-level/2} / sqrt(t)), and 0 at t = 0.</summary>
    public static double OBrienFleming(double level, double t)
    {
        CheckLevelAndFraction(level, t);
        if (t == 0) return 0.0;
        double quantile = Normal.InvCDF(0.0, 1.0, 1.0 - 0.5 * level);
        // 2 Phi(-x) rather than 2 - 2 Phi(x): no cancellation at small t, where the spend is tiny.
        return 2.0 * Normal.CDF(0.0, 1.0, -quantile / Math.Sqrt(t));
    }

    /// <summary>Lan-DeMets Pocock type: level log(1 + (e - 1) t).</summary>
    public static double Pocock(double level, double t)
    {
        CheckLevelAndFraction(level, t);
        return level * Math.Log(1.0 + (Math.E - 1.0) * t);
    }

    /// <summary>Hwang-Shih-DeCani: level (1 - exp(-gamma t)) / (1 - exp(-gamma)); level t when gamma = 0.</summary>
    public static double HwangShihDeCani(double level, double t, double gamma)
    {
        CheckLevelAndFraction(level, t);
        if (!double.IsFinite(gamma)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "the Hwang-Shih-DeCani gamma must be a finite number");
        if (gamma == 0) return level * t;
        if (gamma > 0)
            // expm1 keeps the ratio exact for gamma near 0, where 1 - exp(-gamma) cancels.
            return level * SpecialFunctions.Expm1(-gamma * t) / SpecialFunctions.Expm1(-gamma);
        // For gamma < 0 both exponentials overflow at large |gamma|; with g = -gamma the ratio
        // (e^{g t} - 1) / (e^g - 1) equals e^{g (t - 1)} (1 - e^{-g t}) / (1 - e^{-g}).
        double g = -gamma;
        return level * Math.Exp(g * (t - 1.0)) * SpecialFunctions.Expm1(-g * t) / SpecialFunctions.Expm1(-g);
    }

    /// <summary>Kim-DeMets power family: level t^rho, rho &gt; 0.</summary>
    public static double KimDeMetsPower(double level, double t, double rho)
    {
        CheckLevelAndFraction(level, t);
        if (!(rho > 0) || double.IsPositiveInfinity(rho))
            throw new ArgumentOutOfRangeException(nameof(rho), rho, "the Kim-DeMets power rho must be a finite number greater than 0");
        return level * Math.Pow(t, rho);
    }

    /// <summary>Rejects a level outside (0, 0.5) or an information fraction outside [0, 1] (NaN included).</summary>
    public static void CheckLevelAndFraction(double level, double t)
    {
        CheckLevel(level, nameof(level));
        if (!(t >= 0 && t <= 1)) throw new ArgumentOutOfRangeException(nameof(t), t, "the information fraction t must lie in [0, 1]");
    }

    /// <summary>Rejects an error rate outside the open interval (0, 0.5), NaN included.</summary>
    public static void CheckLevel(double level, string parameterName)
    {
        if (!(level > 0 && level < 0.5))
            throw new ArgumentOutOfRangeException(parameterName, level, $"the one-sided error rate {parameterName} must lie strictly between 0 and 0.5");
    }
}

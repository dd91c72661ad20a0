using MathNet.Numerics.Distributions;

namespace TrialSim.Analyses;

/// <summary>
/// The Wald z-test and interval for a difference of two independent estimates, experimental minus
/// control, shared by the two-arm analyses so the zero-variance rule lives in one place.
/// </summary>
/// <remarks>
/// With difference d, variance v = v_E + v_C and non-inferiority margin m &gt;= 0 (0 for superiority):
/// z = (d + m) / sqrt(v); one-sided p-value 1 - Phi(z) for H1: difference &gt; -m; interval
/// d -/+ Phi^-1((1 + level) / 2) sqrt(v).
/// When v = 0 (both estimates without sampling variation, e.g. both rates 0 or 1) z is the limit of
/// (d + m) / sqrt(v) as v falls to 0: the p-value is 0 (a rejection) when d + m &gt; 0 and 1 otherwise
/// (d + m = 0 gives 0 / 0, read conservatively as no evidence); the interval is [d, d].
/// </remarks>
internal static class WaldDifference
{
    /// <summary>The one-sided p-value 1 - Phi((d + margin) / sqrt(variance)), with the zero-variance rule above.</summary>
    public static double PValue(double difference, double variance, double margin)
    {
        double shifted = difference + margin;
        if (variance == 0) return shifted > 0 ? 0.0 : 1.0;
        // Phi(-z) rather than 1 - Phi(z): keeps precision in the far tail.
        return Normal.CDF(0.0, 1.0, -shifted / Math.Sqrt(variance));
    }

    /// <summary>Half the width of the two-sided interval at <paramref name="confidenceLevel"/>.</summary>
    public static double HalfWidth(double variance, double confidenceLevel) =>
        variance == 0 ? 0.0 : Normal.InvCDF(0.0, 1.0, 0.5 * (1.0 + confidenceLevel)) * Math.Sqrt(variance);

    /// <summary>Estimate, interval, p-value and decision (p-value at most alpha) for the difference.</summary>
    public static AnalysisResult Result(double difference, double variance, double margin, AnalysisSpec spec, int analysed, int events)
    {
        double pValue = PValue(difference, variance, margin);
        double halfWidth = HalfWidth(variance, spec.ConfidenceLevel);
        return new AnalysisResult(difference, difference - halfWidth, difference + halfWidth, pValue, pValue <= spec.Alpha, analysed, events);
    }
}

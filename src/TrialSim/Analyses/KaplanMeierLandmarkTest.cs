using MathNet.Numerics.Distributions;

namespace TrialSim.Analyses;

/// <summary>
/// Kaplan-Meier landmark test: is the survival probability at the landmark above the null value?
/// H0: S(t*) &lt;= S0 against H1: S(t*) &gt; S0, a z test on the log(-log) scale with Greenwood's variance.
/// </summary>
/// <remarks>
/// Kalbfleisch J.D., Prentice R.L. (1980) <i>The Statistical Analysis of Failure Time Data</i>, for the
/// log(-log) transform; the interval is R's <c>survfit(..., conf.type = "log-log")</c>.
/// With eta = log(-log S^(t*)) and its standard error se = sqrt(GreenwoodSum) / |log S^(t*)|:
/// interval exp(-exp(eta +/- z se)), z = Phi^-1((1 + level) / 2), where the + sign gives the lower
/// limit (the transform is decreasing); statistic Z = (log(-log S0) - eta) / se; one-sided p-value
/// 1 - Phi(Z); reject when p &lt;= alpha.
/// </remarks>
public static class KaplanMeierLandmarkTest
{
    /// <summary>Runs the test on data sorted by observed time (months) ascending.</summary>
    /// <returns>Estimate S^(t*) with its log(-log) interval; Analysed = all patients; Events = events at
    /// or before the landmark. Edge cases:
    /// S^(t*) = 0 (the curve reached 0): estimate 0, interval [0, 0], p-value 1 (R reports NA limits);
    /// otherwise, nobody observed up to the landmark (every observed time before it): undefined;
    /// S^(t*) = 1 (no event by the landmark, someone followed to it): no variance, so estimate 1,
    /// interval [1, 1] (as R) and p-value 0, a rejection.</returns>
    public static AnalysisResult Analyze(ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent, KaplanMeierLandmarkSpec spec)
    {
        SpecChecks.RequireValid(spec);
        SpecChecks.RequireNonNegativeFinite(spec.Landmark, "spec.Landmark");
        SpecChecks.RequireOpenUnit(spec.NullSurvival, "spec.NullSurvival");

        KaplanMeierPoint point = KaplanMeier.At(sortedTime, isEvent, spec.Landmark);
        int analysed = sortedTime.Length;
        int events = point.EventsUpTo;
        double survival = point.Survival;

        if (survival == 0) return new AnalysisResult(0.0, 0.0, 0.0, 1.0, false, analysed, events);
        // Censored before the landmark, all of them: S(t*) would be an extrapolation.
        if (point.AtRisk == 0) return AnalysisResult.Undefined(analysed, events);
        if (survival == 1) return new AnalysisResult(1.0, 1.0, 1.0, 0.0, true, analysed, events);

        double logSurvival = Math.Log(survival);
        double logMinusLog = Math.Log(-logSurvival);
        double standardError = Math.Sqrt(point.GreenwoodSum) / -logSurvival;
        double z = Normal.InvCDF(0.0, 1.0, 0.5 * (1.0 + spec.ConfidenceLevel));
        double lower = Math.Exp(-Math.Exp(logMinusLog + z * standardError));
        double upper = Math.Exp(-Math.Exp(logMinusLog - z * standardError));

        double statistic = (Math.Log(-Math.Log(spec.NullSurvival)) - logMinusLog) / standardError;
        // Phi(-Z) rather than 1 - Phi(Z): keeps precision in the far tail.
        double pValue = Normal.CDF(0.0, 1.0, -statistic);
        return new AnalysisResult(survival, lower, upper, pValue, pValue <= spec.Alpha, analysed, events);
    }
}

namespace TrialSim.Analyses;

/// <summary>
/// Difference in restricted mean survival time up to a horizon tau, experimental minus control, with a
/// Wald z-test and interval. H0: RMST_E - RMST_C &lt;= -margin against H1: RMST_E - RMST_C &gt; -margin
/// (margin 0 for superiority, in months otherwise).
/// </summary>
/// <remarks>
/// Each arm's RMST and variance are <see cref="RestrictedMean"/>'s (the survRM2 / Klein-Moeschberger
/// formula). Then d = RMST_E - RMST_C, z = (d + margin) / sqrt(v_E + v_C), one-sided p-value 1 - Phi(z),
/// rejection when it is at most alpha, interval d -/+ Phi^-1((1 + level) / 2) sqrt(v_E + v_C): survRM2's
/// rmst2 difference and interval. With v_E + v_C = 0 (no event before tau in either arm) the p-value is 0
/// if d + margin &gt; 0 and 1 otherwise, interval [d, d].
/// </remarks>
public static class RestrictedMeanTest
{
    /// <summary>Runs the test on data sorted by observed time (months) ascending; group 1 = experimental,
    /// 0 = control, any other code is left out.</summary>
    /// <returns>Estimate d (months) with its Wald interval; Analysed = patients in the two groups; Events =
    /// events at or before tau in them. Undefined when a group has nobody, or when tau lies beyond a group's
    /// largest observed time while its curve is above 0 (<see cref="RestrictedMean.IsExtrapolated"/>),
    /// where survRM2 stops with an error.</returns>
    public static AnalysisResult Analyze(ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent, ReadOnlySpan<byte> group, RestrictedMeanSpec spec)
    {
        SpecChecks.RequireValid(spec);
        SpecChecks.RequireNonNegativeFinite(spec.Horizon, "spec.Horizon");
        SpecChecks.RequireNonNegativeFinite(spec.NonInferiorityMargin, "spec.NonInferiorityMargin");

        RestrictedMean experimental = RestrictedMean.Estimate(sortedTime, isEvent, group, 1, spec.Horizon);
        RestrictedMean control = RestrictedMean.Estimate(sortedTime, isEvent, group, 0, spec.Horizon);
        int analysed = experimental.Patients + control.Patients;
        int events = experimental.Events + control.Events;
        // An empty group is extrapolated by definition (curve 1, nobody observed).
        if (experimental.IsExtrapolated || control.IsExtrapolated) return AnalysisResult.Undefined(analysed, events);

        return WaldDifference.Result(experimental.Mean - control.Mean, experimental.Variance + control.Variance,
            spec.NonInferiorityMargin, spec, analysed, events);
    }
}

namespace TrialSim.Analyses;

/// <summary>
/// Difference in progression-free rate at a landmark t*, experimental minus control, with a Wald
/// z-test and interval. H0: p_E - p_C &lt;= -margin against H1: p_E - p_C &gt; -margin (margin 0 for
/// superiority).
/// </summary>
/// <remarks>
/// Each rate p and its variance v come from one of two estimators (<see cref="RateEstimator"/>):
/// <list type="bullet">
/// <item><see cref="RateEstimator.KaplanMeier"/>: the Kaplan-Meier S(t*) of the group with Greenwood's
/// variance S(t*)^2 sum d_j / (n_j (n_j - d_j)) (Greenwood 1926), every patient of the group used.</item>
/// <item><see cref="RateEstimator.Binary"/>: the proportion x / n free of events among the n patients
/// evaluable at t* (the rule of <see cref="BinomialLandmarkTest"/>), variance p (1 - p) / n.</item>
/// </list>
/// Then d = p_E - p_C, z = (d + margin) / sqrt(v_E + v_C), one-sided p-value 1 - Phi(z), rejection when
/// it is at most alpha, interval d -/+ Phi^-1((1 + level) / 2) sqrt(v_E + v_C). When v_E + v_C = 0 (no
/// event by t* in either group, or binary rates both 0 or 1) the p-value is 0 if d + margin &gt; 0 and 1
/// otherwise, with interval [d, d]: the limit of the Wald test as the variance falls to 0.
/// </remarks>
public static class LandmarkRateDifferenceTest
{
    /// <summary>Runs the test on data sorted by observed time (months) ascending; group 1 = experimental,
    /// 0 = control, any other code is left out.</summary>
    /// <returns>Estimate d = p_E - p_C with its Wald interval. Kaplan-Meier: Analysed = patients in the two
    /// groups; binary: the evaluable ones among them. Events = events at or before t* in the two groups.
    /// Undefined when a group has nobody (binary: nobody evaluable), or, for Kaplan-Meier, when every
    /// patient of a group was censored before t* while its curve is above 0 (S(t*) would be extrapolated).</returns>
    public static AnalysisResult Analyze(ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent, ReadOnlySpan<byte> group, LandmarkRateDifferenceSpec spec)
    {
        SpecChecks.RequireValid(spec);
        SpecChecks.RequireNonNegativeFinite(spec.Landmark, "spec.Landmark");
        SpecChecks.RequireNonNegativeFinite(spec.NonInferiorityMargin, "spec.NonInferiorityMargin");
        SpecChecks.RequireSameLength(sortedTime.Length, isEvent.Length);
        SpecChecks.RequireGroupLength(sortedTime.Length, group.Length);

        return spec.Estimator switch
        {
            RateEstimator.KaplanMeier => KaplanMeierDifference(sortedTime, isEvent, group, spec),
            RateEstimator.Binary => BinaryDifference(sortedTime, isEvent, group, spec),
            _ => throw new ArgumentOutOfRangeException("spec.Estimator", spec.Estimator, "spec.Estimator must be KaplanMeier or Binary"),
        };
    }

    private static AnalysisResult KaplanMeierDifference(ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent, ReadOnlySpan<byte> group, LandmarkRateDifferenceSpec spec)
    {
        KaplanMeierPoint experimental = KaplanMeier.At(sortedTime, isEvent, group, 1, spec.Landmark);
        KaplanMeierPoint control = KaplanMeier.At(sortedTime, isEvent, group, 0, spec.Landmark);
        int analysed = KaplanMeier.CountMembers(group, 1, group.Length) + KaplanMeier.CountMembers(group, 0, group.Length);
        int events = experimental.EventsUpTo + control.EventsUpTo;
        if (!IsEstimable(experimental) || !IsEstimable(control)) return AnalysisResult.Undefined(analysed, events);

        double difference = experimental.Survival - control.Survival;
        double variance = Square(experimental.StandardError) + Square(control.StandardError);
        return WaldDifference.Result(difference, variance, spec.NonInferiorityMargin, spec, analysed, events);
    }

    /// <summary>S(t*) is an estimate, not an extrapolation: someone was followed to t*, or the curve
    /// reached 0 before it (which also rules out an empty group, whose curve is 1 with nobody at risk).</summary>
    private static bool IsEstimable(KaplanMeierPoint point) => point.AtRisk > 0 || point.Survival == 0;

    private static AnalysisResult BinaryDifference(ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent, ReadOnlySpan<byte> group, LandmarkRateDifferenceSpec spec)
    {
        var experimental = LandmarkStatusCount.Tally(sortedTime, isEvent, group, 1, spec.Landmark);
        var control = LandmarkStatusCount.Tally(sortedTime, isEvent, group, 0, spec.Landmark);
        int analysed = experimental.Evaluable + control.Evaluable;
        int events = experimental.Failures + control.Failures;
        if (experimental.Evaluable == 0 || control.Evaluable == 0) return AnalysisResult.Undefined(analysed, events);

        double rateExperimental = (double)experimental.Successes / experimental.Evaluable;
        double rateControl = (double)control.Successes / control.Evaluable;
        double variance = BinomialVariance(rateExperimental, experimental.Evaluable) + BinomialVariance(rateControl, control.Evaluable);
        return WaldDifference.Result(rateExperimental - rateControl, variance, spec.NonInferiorityMargin, spec, analysed, events);
    }

    /// <summary>The variance p (1 - p) / n of a proportion of n.</summary>
    internal static double BinomialVariance(double proportion, int n) => proportion * (1.0 - proportion) / n;

    private static double Square(double x) => x * x;
}

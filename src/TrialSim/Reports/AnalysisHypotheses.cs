using TrialSim.Analyses;

namespace TrialSim.Reports;

/// <summary>
/// An analysis in words for the protocol text: the test, its hypotheses, and where the null
/// boundary lies on the scale of the analysis's true value (summary.parquet's <c>true_value</c>),
/// so that each truth can be called a null (type I error) or an alternative (power).
/// </summary>
/// <param name="Boundary">The true value at the edge of H0.</param>
/// <param name="AlternativeAbove">True when H1 is a true value above <paramref name="Boundary"/> (a rate);
/// false when below (a hazard ratio).</param>
/// <param name="TrueValueName">What the true value is, e.g. "true hazard ratio".</param>
/// <param name="IsBayesian">A posterior-probability rule rather than a test at level alpha.</param>
internal sealed record AnalysisHypotheses(string Test, string NullHypothesis, string Alternative, double Boundary, bool AlternativeAbove, string TrueValueName, bool IsBayesian)
{
    public static AnalysisHypotheses Of(AnalysisSpec spec)
    {
        static string N(double v) => ReportNumber.Value(v);
        string Difference(TwoArmAnalysisSpec s) => $"{s.Experimental} minus {s.Control}";
        return spec switch
        {
            KaplanMeierLandmarkSpec km => new(
                $"one-sided z-test of the Kaplan-Meier estimate of progression-free survival at {N(km.Landmark)} months (Greenwood variance on the log(-log) scale)",
                $"S({N(km.Landmark)}) <= {N(km.NullSurvival)}", $"S({N(km.Landmark)}) > {N(km.NullSurvival)}", km.NullSurvival, true,
                $"true S({N(km.Landmark)})", false),
            BinomialLandmarkSpec b => new(
                $"one-sided exact binomial test of the proportion progression-free at {N(b.Landmark)} months among evaluable patients",
                $"p <= {N(b.NullRate)}", $"p > {N(b.NullRate)}", b.NullRate, true, $"true progression-free rate at {N(b.Landmark)} months", false),
            OneSampleLogRankSpec o => new(
                $"one-sample log-rank test against the reference {o.Reference.Describe()}",
                "hazard ratio against the reference >= 1", "hazard ratio against the reference < 1", 1, false,
                "true hazard ratio against the reference", false),
            LogRankSpec l => new(
                $"one-sided {(l.Stratified ? "stratified " : "")}log-rank test",
                $"hazard ratio ({l.Experimental} / {l.Control}) >= 1", $"hazard ratio < 1", 1, false, "true hazard ratio", false),
            CoxSpec c => new(
                c.NonInferiorityMargin == 1
                    ? $"one-sided Wald test of the hazard ratio in a {(c.Stratified ? "stratified " : "")}Cox model"
                    : $"one-sided Wald test of non-inferiority of the hazard ratio in a {(c.Stratified ? "stratified " : "")}Cox model, margin {N(c.NonInferiorityMargin)}",
                $"hazard ratio ({c.Experimental} / {c.Control}) >= {N(c.NonInferiorityMargin)}", $"hazard ratio < {N(c.NonInferiorityMargin)}",
                c.NonInferiorityMargin, false, "true hazard ratio", false),
            LandmarkRateDifferenceSpec r => new(
                $"one-sided Wald z-test of the difference in progression-free rate at {N(r.Landmark)} months ({(r.Estimator == RateEstimator.KaplanMeier ? "Kaplan-Meier estimates" : "proportions among evaluable patients")})"
                    + (r.NonInferiorityMargin > 0 ? $", non-inferiority margin {N(r.NonInferiorityMargin)}" : ""),
                $"difference ({Difference(r)}) <= {N(-r.NonInferiorityMargin)}", $"difference > {N(-r.NonInferiorityMargin)}",
                -r.NonInferiorityMargin, true, $"true difference at {N(r.Landmark)} months", false),
            FisherExactSpec f => new(
                $"one-sided Fisher exact test of progression-free status at {N(f.Landmark)} months",
                $"rate in {f.Experimental} <= rate in {f.Control}", $"rate in {f.Experimental} > rate in {f.Control}", 0, true,
                $"true difference at {N(f.Landmark)} months", false),
            BayesianRateSpec y => new(
                $"Bayesian rule on the progression-free rates at {N(y.Landmark)} months (Beta({N(y.ExperimentalPriorA)}, {N(y.ExperimentalPriorB)}) and Beta({N(y.ControlPriorA)}, {N(y.ControlPriorB)}) priors), "
                    + $"declaring success when the posterior probability that the rate in {y.Experimental} exceeds the rate in {y.Control} minus {N(y.Margin)} is above {N(y.Threshold)}",
                $"difference ({Difference(y)}) <= {N(-y.Margin)}", $"difference > {N(-y.Margin)}", -y.Margin, true, $"true difference at {N(y.Landmark)} months", true),
            RestrictedMeanSpec m => new(
                $"one-sided z-test of the difference in restricted mean progression-free time up to {N(m.Horizon)} months"
                    + (m.NonInferiorityMargin > 0 ? $", non-inferiority margin {N(m.NonInferiorityMargin)} months" : ""),
                $"difference ({Difference(m)}) <= {N(-m.NonInferiorityMargin)} months", $"difference > {N(-m.NonInferiorityMargin)} months",
                -m.NonInferiorityMargin, true, "true difference in restricted mean (months)", false),
            _ => throw new NotSupportedException(spec.GetType().Name),
        };
    }

    /// <summary>Where a truth lies: on the null boundary, in H1, or inside H0 beyond the boundary.</summary>
    public TruthRole RoleOf(double trueValue)
    {
        if (!double.IsFinite(trueValue)) return TruthRole.Unknown;
        if (Math.Abs(trueValue - Boundary) <= 1e-6 * Math.Max(1, Math.Abs(Boundary))) return TruthRole.Null;
        return (trueValue > Boundary) == AlternativeAbove ? TruthRole.Alternative : TruthRole.InsideNull;
    }
}

/// <summary>Where a truth lies relative to an analysis's hypotheses.</summary>
internal enum TruthRole { Unknown, Null, Alternative, InsideNull }

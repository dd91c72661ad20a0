namespace TrialSim.Analyses;

/// <summary>
/// An analysis comparing an <see cref="Experimental"/> arm with a <see cref="Control"/> arm (arm
/// names from the scenario). The one-sided alternative is always that the experimental arm does
/// better: lower hazard, higher progression-free rate, longer restricted mean. To test for harm
/// from stopping treatment, name the continue arm experimental and the stop arm control.
/// </summary>
/// <remarks>
/// The analysis functions see a per-patient group code: 1 = experimental, 0 = control, anything
/// else = not in this comparison (a third arm).
/// </remarks>
public abstract record TwoArmAnalysisSpec(string Name, double Alpha, double ConfidenceLevel, string Experimental, string Control)
    : AnalysisSpec(Name, Alpha, ConfidenceLevel);

/// <summary>How tied event times enter the Cox partial likelihood.</summary>
public enum CoxTies { Efron, Breslow }

/// <summary>How a progression-free rate at a landmark is estimated.</summary>
public enum RateEstimator
{
    /// <summary>Kaplan-Meier S(landmark) with Greenwood variance, using every patient.</summary>
    KaplanMeier,
    /// <summary>Progression-free proportion among patients evaluable at the landmark.</summary>
    Binary,
}

/// <summary>Log-rank test (ties as R's survival::survdiff), optionally stratified. Estimate: the
/// Peto one-step hazard-ratio estimate exp((O1 - E1) / V) with CI exp(log HR ± z / sqrt(V)).</summary>
public sealed record LogRankSpec(string Name, double Alpha, double ConfidenceLevel, string Experimental, string Control, bool Stratified)
    : TwoArmAnalysisSpec(Name, Alpha, ConfidenceLevel, Experimental, Control);

/// <summary>
/// Cox proportional-hazards model with the arm as its only covariate (optionally stratified
/// baseline hazards): HR experimental/control with a Wald CI. Superiority when
/// <see cref="NonInferiorityMargin"/> is 1 (H1: HR &lt; 1); otherwise non-inferiority,
/// H0: HR &gt;= margin against H1: HR &lt; margin, margin &gt; 1.
/// </summary>
public sealed record CoxSpec(string Name, double Alpha, double ConfidenceLevel, string Experimental, string Control, CoxTies Ties, bool Stratified, double NonInferiorityMargin)
    : TwoArmAnalysisSpec(Name, Alpha, ConfidenceLevel, Experimental, Control);

/// <summary>
/// Difference in progression-free rate at <see cref="Landmark"/> (experimental - control) with a
/// Wald z-test and CI. Superiority when <see cref="NonInferiorityMargin"/> is 0 (H1: difference
/// &gt; 0); otherwise non-inferiority, H0: difference &lt;= -margin, margin &gt; 0.
/// </summary>
public sealed record LandmarkRateDifferenceSpec(string Name, double Alpha, double ConfidenceLevel, string Experimental, string Control, double Landmark, RateEstimator Estimator, double NonInferiorityMargin)
    : TwoArmAnalysisSpec(Name, Alpha, ConfidenceLevel, Experimental, Control);

/// <summary>One-sided Fisher exact test of progression-free status at <see cref="Landmark"/>
/// among evaluable patients (H1: experimental rate higher).</summary>
public sealed record FisherExactSpec(string Name, double Alpha, double ConfidenceLevel, string Experimental, string Control, double Landmark)
    : TwoArmAnalysisSpec(Name, Alpha, ConfidenceLevel, Experimental, Control);

/// <summary>
/// Bayesian rule on progression-free rates at <see cref="Landmark"/> among evaluable patients:
/// independent Beta priors per arm, binomial likelihoods; success when the posterior probability
/// P(p_experimental &gt; p_control - margin | data) exceeds <see cref="Threshold"/>. Computed by
/// numerical integration, never by sampling. Alpha is unused by the rule.
/// </summary>
public sealed record BayesianRateSpec(
    string Name, double Alpha, double ConfidenceLevel, string Experimental, string Control, double Landmark,
    double ExperimentalPriorA, double ExperimentalPriorB, double ControlPriorA, double ControlPriorB,
    double Margin, double Threshold)
    : TwoArmAnalysisSpec(Name, Alpha, ConfidenceLevel, Experimental, Control);

/// <summary>
/// Difference in restricted mean survival time up to <see cref="Horizon"/> months
/// (experimental - control), from the Kaplan-Meier curves, with the usual Greenwood-type variance
/// (as survRM2). Superiority when the margin is 0; otherwise H0: difference &lt;= -margin.
/// </summary>
public sealed record RestrictedMeanSpec(string Name, double Alpha, double ConfidenceLevel, string Experimental, string Control, double Horizon, double NonInferiorityMargin)
    : TwoArmAnalysisSpec(Name, Alpha, ConfidenceLevel, Experimental, Control);

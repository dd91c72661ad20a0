namespace TrialSim.Decisions;

/// <summary>How the monitored analysis decides, at each look, whether the trial stops.</summary>
public abstract record SequentialRule;

/// <summary>
/// Group-sequential z boundaries. The monitored analysis's one-sided p-value gives its z
/// statistic (z = Phi^-1(1 - p), larger = benefit); its information is its event count (survival
/// analyses) or its number of evaluable patients (rate analyses). Boundaries are recomputed in every
/// simulated trial from the information actually observed at its looks.
/// </summary>
public sealed record GroupSequentialRule(EfficacyBoundary Efficacy, FutilityRule? Futility) : SequentialRule;

/// <summary>
/// Simon's two-stage rule on a binomial landmark analysis: after the first stage (a look at
/// <c>FirstStageSize</c> evaluable patients) stop for futility with at most
/// <c>FirstStageMaxResponses</c> progression-free; at the end reject H0 with more than <c>MaxResponses</c>.
/// </summary>
public sealed record SimonRule(SimonDesign Design) : SequentialRule;

/// <summary>
/// Bayesian monitoring of a <c>bayesian_rate</c> analysis: at an interim look stop for success when
/// the posterior probability of its rule reaches <paramref name="EfficacyThreshold"/>; stop for harm
/// when it falls to <paramref name="HarmThreshold"/> or below; stop for futility when the predictive
/// probability of success at the final analysis falls below <paramref name="MinPredictiveProbability"/>.
/// The final analysis uses the analysis's own threshold.
/// </summary>
public sealed record BayesianMonitoringRule(double EfficacyThreshold, double? HarmThreshold, double? MinPredictiveProbability) : SequentialRule;

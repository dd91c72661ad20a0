using TrialSim.Distributions;

namespace TrialSim.Analyses;

/// <summary>
/// An analysis to run on every simulated trial. Tests are one-sided at level <see cref="Alpha"/>
/// with the alternative that the experimental condition does better (longer PFS); confidence
/// intervals are two-sided at <see cref="ConfidenceLevel"/> (default 1 - 2 alpha, so the interval
/// and the test agree).
/// </summary>
public abstract record AnalysisSpec(string Name, double Alpha, double ConfidenceLevel);

/// <summary>Kaplan-Meier S(landmark) against <paramref name="NullSurvival"/>: z test with Greenwood
/// variance on the log(-log) scale.</summary>
public sealed record KaplanMeierLandmarkSpec(string Name, double Alpha, double ConfidenceLevel, double Landmark, double NullSurvival)
    : AnalysisSpec(Name, Alpha, ConfidenceLevel);

/// <summary>Exact binomial test of the progression-free proportion at <paramref name="Landmark"/>
/// among patients evaluable there, against <paramref name="NullRate"/>; Clopper-Pearson interval.</summary>
public sealed record BinomialLandmarkSpec(string Name, double Alpha, double ConfidenceLevel, double Landmark, double NullRate)
    : AnalysisSpec(Name, Alpha, ConfidenceLevel);

/// <summary>One-sample log-rank test against a reference model (Finkelstein et al. 2003): O observed
/// events against E = sum of reference cumulative hazards over each patient's follow-up.</summary>
public sealed record OneSampleLogRankSpec(string Name, double Alpha, double ConfidenceLevel, EventTimeModel Reference)
    : AnalysisSpec(Name, Alpha, ConfidenceLevel);

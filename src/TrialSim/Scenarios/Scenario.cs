using System.Collections.Immutable;
using TrialSim.Analyses;
using TrialSim.Cohorts;
using TrialSim.Conduct;
using TrialSim.Distributions;

namespace TrialSim.Scenarios;

/// <summary>
/// A validated single-arm scenario: how patients arrive and are followed, the truths to simulate
/// under (one scenario point each), and the analyses to run on every simulated trial. Times are
/// in months. Built once at the edge (the YAML loader) and trusted from then on.
/// </summary>
/// <param name="Dropout">Loss-to-follow-up time model (censors); null for none.</param>
/// <param name="MaxFollowUp">Per-patient follow-up limit in months (the protocol's end of
/// scanning); null when patients are followed until the data cut.</param>
public sealed record Scenario(
    string Name,
    string? Description,
    ulong Seed,
    int Replicates,
    Accrual Accrual,
    EventTimeModel? Dropout,
    AssessmentSchedule Assessments,
    double? MaxFollowUp,
    AnalysisTime AnalysisTime,
    ImmutableArray<TruthPoint> Points,
    ImmutableArray<AnalysisSpec> Analyses);

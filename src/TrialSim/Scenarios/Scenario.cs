using System.Collections.Immutable;
using TrialSim.Analyses;
using TrialSim.Cohorts;
using TrialSim.Conduct;
using TrialSim.Distributions;

namespace TrialSim.Scenarios;

/// <summary>
/// A validated scenario: the arms and how patients are allocated to them, how patients arrive and
/// are followed, the truths to simulate under (one scenario point each), and the analyses to run
/// on every simulated trial. Times are in months. Built once at the edge (the YAML loader) and
/// trusted from then on. A single-arm design has one arm.
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
    ImmutableArray<AnalysisSpec> Analyses)
{
    /// <summary>The one arm of a single-arm design (the default <see cref="Arms"/>).</summary>
    public static ImmutableArray<Arm> SingleArm { get; } = [new Arm("single-arm", 1)];

    /// <summary>The arms, in the order every <see cref="TruthPoint"/> lists them; one arm for a single-arm design.</summary>
    public ImmutableArray<Arm> Arms { get; init; } = SingleArm;

    public Randomisation Randomisation { get; init; } = new SimpleRandomisation();

    public Strata Strata { get; init; } = Strata.None;

    /// <summary>Interim looks and the stopping rule; null for a single final analysis.</summary>
    public Decisions.InterimDesign? Interim { get; init; }

    public int ArmIndex(string name)
    {
        for (int a = 0; a < Arms.Length; a++) if (Arms[a].Name == name) return a;
        throw new ArgumentException($"no arm named '{name}' (arms: {string.Join(", ", Arms.Select(a => a.Name))})");
    }
}

using System.Collections.Immutable;
using TrialSim.Aggregation;
using TrialSim.Scenarios;

namespace TrialSim.Running;

/// <summary>The one result of a run that every sink reads: the operating characteristics, one row per point and analysis.</summary>
public sealed record SimulationResult(
    Scenario Scenario,
    ulong Seed,
    int Replicates,
    ImmutableArray<OperatingCharacteristics> Rows,
    TimeSpan Elapsed)
{
    /// <summary>Per-arm characteristics, one row per point and arm.</summary>
    public ImmutableArray<ArmCharacteristics> ArmRows { get; init; } = [];

    /// <summary>Per-look characteristics (designs with interim looks), one row per point and look.</summary>
    public ImmutableArray<LookCharacteristics> LookRows { get; init; } = [];
}

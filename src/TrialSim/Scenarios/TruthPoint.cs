using System.Collections.Immutable;

namespace TrialSim.Scenarios;

/// <summary>One assumed truth to simulate under (for example H0 or H1): one <see cref="ArmTruth"/> per arm, in arm order.</summary>
public sealed record TruthPoint(string Name, ImmutableArray<ArmTruth> Arms)
{
    /// <summary>A single-arm truth.</summary>
    public TruthPoint(string name, Distributions.EventTimeModel progression, Distributions.EventTimeModel? death)
        : this(name, [new ArmTruth(progression, death)]) { }

    public bool Equals(TruthPoint? other) => other is not null && Name == other.Name && Arms.SequenceEqual(other.Arms);
    public override int GetHashCode() => Name.GetHashCode();
}

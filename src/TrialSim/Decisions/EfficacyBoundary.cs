using System.Collections.Immutable;

namespace TrialSim.Decisions;

/// <summary>How the upper (efficacy) boundary of a group-sequential design is set. One-sided, on the z scale, larger = benefit.</summary>
public abstract record EfficacyBoundary;

/// <summary>Boundaries from an alpha-spending function, computed by numerical integration over the canonical joint distribution.</summary>
public sealed record SpendingEfficacyBoundary(SpendingFunction Function) : EfficacyBoundary;

/// <summary>Haybittle-Peto: a fixed z at every interim look; the final boundary is computed to spend exactly alpha.</summary>
public sealed record HaybittlePetoBoundary(double InterimZ) : EfficacyBoundary;

/// <summary>User-given z boundaries, one per look (the final included); no alpha calculation.</summary>
public sealed record FixedEfficacyBoundary(ImmutableArray<double> Z) : EfficacyBoundary
{
    public bool Equals(FixedEfficacyBoundary? other) => other is not null && Z.SequenceEqual(other.Z);
    public override int GetHashCode() => Z.Length;
}

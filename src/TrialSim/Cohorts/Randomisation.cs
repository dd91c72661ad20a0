using System.Collections.Immutable;

namespace TrialSim.Cohorts;

/// <summary>How patients are allocated to arms (within each stratum).</summary>
public abstract record Randomisation;

/// <summary>Each patient independently, with probability proportional to the arm ratios.</summary>
public sealed record SimpleRandomisation : Randomisation;

/// <summary>
/// Permuted blocks within each stratum: each block's size is drawn uniformly from
/// <see cref="BlockSizes"/>, holds the arms in proportion to their ratios, and is shuffled. Every
/// block size must be a multiple of the sum of the ratios.
/// </summary>
public sealed record PermutedBlockRandomisation(ImmutableArray<int> BlockSizes) : Randomisation
{
    public bool Equals(PermutedBlockRandomisation? other) => other is not null && BlockSizes.SequenceEqual(other.BlockSizes);
    public override int GetHashCode() => BlockSizes.Length;
}

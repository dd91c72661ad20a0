using System.Collections.Immutable;

namespace TrialSim.Cohorts;

/// <summary>A stratification factor: levels with their prevalences (summing to 1).</summary>
public sealed record StratificationFactor(string Name, ImmutableArray<StratumLevel> Levels)
{
    public bool Equals(StratificationFactor? other) => other is not null && Name == other.Name && Levels.SequenceEqual(other.Levels);
    public override int GetHashCode() => Name.GetHashCode();
}

/// <summary>One level of a factor. <paramref name="HazardRatio"/> multiplies the progression hazard of
/// patients at this level, in every arm (S(t) becomes S(t)^ratio), so a stratified analysis has
/// something to find.</summary>
public sealed record StratumLevel(string Name, double Prevalence, double HazardRatio);

using System.Collections.Immutable;

namespace TrialSim.Cohorts;

/// <summary>
/// The strata formed by crossing every stratification factor's levels (one stratum when there
/// are no factors): each with its prevalence (the product of its levels') and hazard multiplier
/// (the product of its levels' hazard ratios). Patients draw their stratum from one uniform.
/// </summary>
public sealed record Strata
{
    public const int MaxCount = 16;

    public static Strata None { get; } = new([]);

    public ImmutableArray<StratificationFactor> Factors { get; }
    public ImmutableArray<string> Names { get; }
    public ImmutableArray<double> Prevalences { get; }
    public ImmutableArray<double> HazardMultipliers { get; }
    private readonly double[] _cumulative;

    public Strata(IReadOnlyList<StratificationFactor> factors)
    {
        var names = new List<string> { "" };
        var prevalences = new List<double> { 1.0 };
        var multipliers = new List<double> { 1.0 };
        foreach (var factor in factors)
        {
            var nextNames = new List<string>();
            var nextPrevalences = new List<double>();
            var nextMultipliers = new List<double>();
            for (int s = 0; s < names.Count; s++)
                foreach (var level in factor.Levels)
                {
                    nextNames.Add(names[s].Length == 0 ? $"{factor.Name}={level.Name}" : $"{names[s]},{factor.Name}={level.Name}");
                    nextPrevalences.Add(prevalences[s] * level.Prevalence);
                    nextMultipliers.Add(multipliers[s] * level.HazardRatio);
                }
            (names, prevalences, multipliers) = (nextNames, nextPrevalences, nextMultipliers);
        }
        if (names.Count > MaxCount) throw new ArgumentException($"the stratification factors make {names.Count} strata; at most {MaxCount} are supported");
        Factors = [.. factors];
        Names = [.. names.Select(n => n.Length == 0 ? "all" : n)];
        Prevalences = [.. prevalences];
        HazardMultipliers = [.. multipliers];
        _cumulative = new double[prevalences.Count];
        double sum = 0;
        for (int k = 0; k < prevalences.Count; k++) _cumulative[k] = sum += prevalences[k];
    }

    public int Count => Prevalences.Length;

    /// <summary>The stratum of a patient whose stratum uniform is <paramref name="uniform"/>.</summary>
    public int Draw(double uniform)
    {
        double target = uniform * _cumulative[^1];
        for (int k = 0; k < _cumulative.Length - 1; k++)
            if (target < _cumulative[k]) return k;
        return _cumulative.Length - 1;
    }

    public bool Equals(Strata? other) => other is not null && Factors.SequenceEqual(other.Factors);
    public override int GetHashCode() => Count;
}

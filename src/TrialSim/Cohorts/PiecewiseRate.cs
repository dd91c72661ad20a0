using System.Collections.Immutable;

namespace TrialSim.Cohorts;

/// <summary>
/// A piecewise-constant intensity (patients per month): Rates[k] on [Starts[k], Starts[k+1]), the
/// last rate for ever. Starts[0] = 0. Arrival times are drawn by inverting the cumulative intensity.
/// </summary>
public sealed record PiecewiseRate
{
    public ImmutableArray<double> Starts { get; }
    public ImmutableArray<double> Rates { get; }
    private readonly Distributions.PiecewiseConstant _intensity;

    public PiecewiseRate(IReadOnlyList<double> starts, IReadOnlyList<double> rates)
    {
        if (starts.Count == 0 || starts.Count != rates.Count)
            throw new ArgumentException("a piecewise rate needs one start per rate, and at least one");
        if (starts[0] != 0) throw new ArgumentException("the first piece of a piecewise rate must start at 0");
        for (int k = 0; k < starts.Count; k++)
        {
            if (k > 0 && !(starts[k] > starts[k - 1])) throw new ArgumentException("piece starts must be strictly increasing");
            if (!(rates[k] >= 0) || double.IsInfinity(rates[k])) throw new ArgumentOutOfRangeException(nameof(rates), rates[k], "rates must be non-negative and finite");
        }
        Starts = [.. starts];
        Rates = [.. rates];
        _intensity = new Distributions.PiecewiseConstant(starts.ToArray(), rates.ToArray());
    }

    /// <summary>The total intensity of sites that open at different times, each at its own rate.</summary>
    public static PiecewiseRate FromSites(IReadOnlyList<Site> sites)
    {
        var starts = sites.Select(s => s.Opens).Append(0.0).Distinct().Order().ToArray();
        var rates = starts.Select(t => sites.Where(s => s.Opens <= t).Sum(s => s.Rate)).ToArray();
        return new PiecewiseRate(starts, rates);
    }

    /// <summary>Expected arrivals by time t: the cumulative intensity.</summary>
    public double Cumulative(double time) => _intensity.Integral(time);

    /// <summary>The first time at which the cumulative intensity reaches <paramref name="cumulative"/>;
    /// +infinity when it never does (beyond the total of a final rate of zero). A level equal to a
    /// pause's (a zero-rate piece's) is reached when the pause begins, not when it ends.</summary>
    public double InverseCumulative(double cumulative) => _intensity.InverseIntegral(cumulative);

    /// <summary><see cref="InverseCumulative(double)"/> for a rising run of levels (arrivals in order):
    /// <paramref name="piece"/> starts at 0 and carries the search from one call to the next.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public double InverseCumulative(double cumulative, ref int piece) => _intensity.InverseIntegral(cumulative, ref piece);

    public bool Equals(PiecewiseRate? other) => other is not null && Starts.SequenceEqual(other.Starts) && Rates.SequenceEqual(other.Rates);
    public override int GetHashCode() => HashCode.Combine(Starts.Length, Rates[0]);
}

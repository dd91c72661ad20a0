using System.Collections.Immutable;
using System.Globalization;

namespace TrialSim.Distributions;

/// <summary>
/// Piecewise-constant hazard: <see cref="Rates"/>[k] applies on [Starts[k], Starts[k+1]), the last
/// rate for ever. Starts[0] = 0. A zero final rate gives a plateau (a cure fraction).
/// </summary>
public sealed record PiecewiseExponentialModel : EventTimeModel
{
    public ImmutableArray<double> Starts { get; }
    public ImmutableArray<double> Rates { get; }
    private readonly PiecewiseConstant _hazard;

    /// <param name="breaks">Interior change points (months), strictly increasing and positive.</param>
    /// <param name="rates">One rate per piece (breaks.Length + 1), each non-negative and finite.</param>
    public PiecewiseExponentialModel(IReadOnlyList<double> breaks, IReadOnlyList<double> rates)
    {
        if (rates.Count != breaks.Count + 1)
            throw new ArgumentException($"piecewise exponential needs one more rate than breaks (got {breaks.Count} breaks, {rates.Count} rates)");
        var starts = new double[rates.Count];
        for (int k = 0; k < breaks.Count; k++)
        {
            double b = breaks[k];
            if (!(b > starts[k]) || double.IsInfinity(b)) throw new ArgumentException("breaks must be positive, finite and strictly increasing");
            starts[k + 1] = b;
        }
        for (int k = 0; k < rates.Count; k++)
            if (!(rates[k] >= 0) || double.IsInfinity(rates[k])) throw new ArgumentOutOfRangeException(nameof(rates), rates[k], "rates must be non-negative and finite");
        Starts = [.. starts];
        Rates = [.. rates];
        _hazard = new PiecewiseConstant(starts, rates.ToArray());
    }

    /// <summary>The piecewise exponential through S(time_k) = survival_k at each breakpoint-end:
    /// piece k ends at times[k]; the last piece keeps the last rate for ever.</summary>
    public static PiecewiseExponentialModel ThroughLandmarks(IReadOnlyList<double> times, IReadOnlyList<double> survivals)
    {
        if (times.Count == 0 || times.Count != survivals.Count)
            throw new ArgumentException($"piecewise landmarks need one survival per time, and at least one (got {times.Count} times, {survivals.Count} survivals)");
        var rates = new double[times.Count];
        double previousTime = 0, previousLogS = 0;
        for (int k = 0; k < times.Count; k++)
        {
            double logS = Math.Log(survivals[k]);
            if (!(times[k] > previousTime) || !(logS <= previousLogS) || !(survivals[k] > 0))
                throw new ArgumentException("landmarks must have increasing times and non-increasing survival above 0");
            rates[k] = (previousLogS - logS) / (times[k] - previousTime);
            previousTime = times[k];
            previousLogS = logS;
        }
        return new PiecewiseExponentialModel(times.Take(times.Count - 1).ToArray(), rates);
    }

    public override double CumulativeHazard(double time) => _hazard.Integral(time);
    public override double Survival(double time) => Math.Exp(-CumulativeHazard(time));
    public override double Hazard(double time) => _hazard.Rate(time);

    /// <summary>The smallest t with S(t) &lt;= survival, as Quantile promises: a level equal to a
    /// zero-rate piece's (or a zero final rate's) maps to where that level is first reached.</summary>
    public override double InverseSurvival(double survival)
    {
        if (survival >= 1) return 0.0;
        if (survival <= 0) return double.PositiveInfinity;
        return _hazard.InverseIntegral(-Math.Log(survival));
    }

    public override bool IsExponential => Rates.All(r => r == Rates[0]);

    public override string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"piecewise-exponential(starts [{string.Join(", ", Starts)}], rates [{string.Join(", ", Rates.Select(r => r.ToString("G4", CultureInfo.InvariantCulture)))}]/month)");

    public bool Equals(PiecewiseExponentialModel? other) =>
        other is not null && Starts.SequenceEqual(other.Starts) && Rates.SequenceEqual(other.Rates);
    public override int GetHashCode() => HashCode.Combine(Starts.Length, Rates.Length > 0 ? Rates[0] : 0);
}

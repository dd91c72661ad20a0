namespace TrialSim.Aggregation;

/// <summary>
/// Count, mean and sum of squared deviations of a stream (Welford), mergeable (Chan et al. 1979).
/// NaN values are skipped and counted apart, so "mean estimate where defined" needs no extra pass.
/// </summary>
public struct RunningMoments
{
    public long Count { get; private set; }
    public double Mean { get; private set; }
    public double SumSquaredDeviations { get; private set; }

    public void Add(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) return;
        Count++;
        double delta = value - Mean;
        Mean += delta / Count;
        SumSquaredDeviations += delta * (value - Mean);
    }

    /// <summary>Folds <paramref name="other"/> in. Floating-point merging is not associative, so
    /// callers merge in a fixed order to keep results independent of thread count.</summary>
    public void Merge(in RunningMoments other)
    {
        if (other.Count == 0) return;
        if (Count == 0) { this = other; return; }
        long total = Count + other.Count;
        double delta = other.Mean - Mean;
        Mean += delta * other.Count / total;
        SumSquaredDeviations += other.SumSquaredDeviations + delta * delta * ((double)Count * other.Count / total);
        Count = total;
    }

    internal readonly void Write(BinaryWriter writer)
    {
        writer.Write(Count);
        writer.Write(Mean);
        writer.Write(SumSquaredDeviations);
    }

    internal static RunningMoments Read(BinaryReader reader) =>
        new() { Count = reader.ReadInt64(), Mean = reader.ReadDouble(), SumSquaredDeviations = reader.ReadDouble() };

    public readonly double Variance => Count > 1 ? SumSquaredDeviations / (Count - 1) : double.NaN;
    public readonly double StandardDeviation => Math.Sqrt(Variance);
    /// <summary>Monte Carlo standard error of the mean: sd / sqrt(n).</summary>
    public readonly double StandardError => Count > 1 ? StandardDeviation / Math.Sqrt(Count) : double.NaN;
    public readonly double MeanOrNaN => Count > 0 ? Mean : double.NaN;
}

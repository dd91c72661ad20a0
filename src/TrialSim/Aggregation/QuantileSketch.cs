namespace TrialSim.Aggregation;

/// <summary>
/// Quantiles of a positive continuous quantity (a duration in months) in constant memory: a
/// histogram over logarithmic buckets with relative accuracy 0.1% (the DDSketch idea, Masson et
/// al. 2019). Counts are integers, so merging in any order gives the same sketch.
/// </summary>
public sealed class QuantileSketch
{
    private const double RelativeAccuracy = 0.001;
    private const double MinValue = 1e-3, MaxValue = 1e5;
    private static readonly double LogGamma = Math.Log((1 + RelativeAccuracy) / (1 - RelativeAccuracy));
    private static readonly int BucketCount = (int)Math.Ceiling(Math.Log(MaxValue / MinValue) / LogGamma) + 1;

    private readonly long[] _counts = new long[BucketCount];
    private long _belowMin, _aboveMax;
    public long Total { get; private set; }

    public void Add(double value)
    {
        if (double.IsNaN(value)) return;
        Total++;
        if (value < MinValue) { _belowMin++; return; }
        if (value >= MaxValue) { _aboveMax++; return; }
        _counts[(int)(Math.Log(value / MinValue) / LogGamma)]++;
    }

    public void Merge(QuantileSketch other)
    {
        for (int i = 0; i < _counts.Length; i++) _counts[i] += other._counts[i];
        _belowMin += other._belowMin;
        _aboveMax += other._aboveMax;
        Total += other.Total;
    }

    public void Clear()
    {
        Array.Clear(_counts);
        _belowMin = _aboveMax = Total = 0;
    }


    internal void Write(BinaryWriter writer)
    {
        writer.Write(_counts.Length);
        writer.Write(Total);
        writer.Write(_belowMin);
        writer.Write(_aboveMax);
        CountCodec.Write(writer, _counts);
    }

    /// <summary>Replaces this state with one written by <see cref="Write"/>.</summary>
    internal void Read(BinaryReader reader)
    {
        if (reader.ReadInt32() != _counts.Length) throw new InvalidDataException("the histogram was written with a different size");
        Total = reader.ReadInt64();
        _belowMin = reader.ReadInt64();
        _aboveMax = reader.ReadInt64();
        CountCodec.Read(reader, _counts);
    }

    /// <summary>The p-quantile (inverse empirical CDF), within 0.1% relative error; 0 for values below
    /// 0.001 and +infinity for values of 100,000 or more.</summary>
    public double Quantile(double probability)
    {
        if (Total == 0) return double.NaN;
        long needed = Math.Max(1, (long)Math.Ceiling(probability * Total - 1e-9));
        long cumulative = _belowMin;
        if (cumulative >= needed) return 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            cumulative += _counts[i];
            // Geometric midpoint of the bucket [min g^i, min g^(i+1)).
            if (cumulative >= needed) return MinValue * Math.Exp((i + 0.5) * LogGamma);
        }
        return double.PositiveInfinity;
    }
}

namespace TrialSim.Aggregation;

/// <summary>Exact distribution of a small non-negative integer (a patient or event count), for exact quantiles.</summary>
public sealed class IntegerHistogram
{
    private readonly long[] _counts;
    public long Total { get; private set; }

    /// <param name="maxValue">Largest value that can occur; larger values are clamped into it.</param>
    public IntegerHistogram(int maxValue) => _counts = new long[maxValue + 1];

    public void Add(int value)
    {
        _counts[Math.Clamp(value, 0, _counts.Length - 1)]++;
        Total++;
    }

    public void Merge(IntegerHistogram other)
    {
        for (int i = 0; i < _counts.Length; i++) _counts[i] += other._counts[i];
        Total += other.Total;
    }

    public void Clear()
    {
        Array.Clear(_counts);
        Total = 0;
    }


    internal void Write(BinaryWriter writer)
    {
        writer.Write(_counts.Length);
        writer.Write(Total);
        CountCodec.Write(writer, _counts);
    }

    /// <summary>Replaces this state with one written by <see cref="Write"/>.</summary>
    internal void Read(BinaryReader reader)
    {
        if (reader.ReadInt32() != _counts.Length) throw new InvalidDataException("the histogram was written with a different size");
        Total = reader.ReadInt64();
        CountCodec.Read(reader, _counts);
    }

    /// <summary>Smallest value v with P(X &lt;= v) &gt;= p (inverse empirical CDF, R's quantile type 1).</summary>
    public double Quantile(double probability)
    {
        if (Total == 0) return double.NaN;
        long needed = Math.Max(1, (long)Math.Ceiling(probability * Total - 1e-9));
        long cumulative = 0;
        for (int i = 0; i < _counts.Length; i++)
        {
            cumulative += _counts[i];
            if (cumulative >= needed) return i;
        }
        return _counts.Length - 1;
    }
}

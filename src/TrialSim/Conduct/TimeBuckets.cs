using System.Runtime.CompilerServices;

namespace TrialSim.Conduct;

/// <summary>
/// Order-preserving buckets for non-negative times (+infinity included), fitted to one set of
/// values: a larger time never lands in an earlier bucket. Sorting or selecting then needs one
/// counting pass over the buckets and exact work only inside a bucket, which holds a handful of
/// values for any spread of times (see remarks).
/// </summary>
/// <remarks>
/// The bit patterns of non-negative doubles order as unsigned integers, so a bucket is a range of
/// bit patterns: (bits - lowest) &gt;&gt; shift, with lowest the smallest positive finite value's bits
/// (zeros and anything below share bucket 0) and shift the least that fits the largest finite
/// value into the buckets asked for; +infinity has the last bucket to itself. Within one octave the
/// buckets are equally wide and each octave gets the same share, so skewed times (a long tail, a few
/// outliers) spread far better than over equal-width buckets of [0, max].
/// </remarks>
internal readonly struct TimeBuckets
{
    private const ulong InfinityBits = 0x7FF0_0000_0000_0000;
    private readonly ulong _lowest;
    private readonly int _shift;
    private readonly int _finite;

    private TimeBuckets(ulong lowest, int shift, int finite)
    {
        _lowest = lowest;
        _shift = shift;
        _finite = finite;
    }

    /// <summary>Buckets 0 .. Count - 1: the finite ones, then +infinity's.</summary>
    public int Count => _finite + 1;

    /// <summary>Fits at most <paramref name="finiteBuckets"/> buckets (at least 1) to the finite values of
    /// <paramref name="values"/>; false when a value is negative or NaN (no bucket order exists then).</summary>
    public static bool TryFit(ReadOnlySpan<double> values, int finiteBuckets, out TimeBuckets buckets)
    {
        ulong lowest = InfinityBits, highest = 0;
        foreach (double value in values)
        {
            if (!(value >= 0))
            {
                buckets = default;
                return false;
            }
            ulong bits = BitConverter.DoubleToUInt64Bits(value + 0.0); // -0 becomes +0
            if (bits != 0 && bits < lowest) lowest = bits;
            if (bits < InfinityBits && bits > highest) highest = bits;
        }
        if (lowest > highest) lowest = highest; // no positive finite value
        ulong range = highest - lowest;
        int shift = 0;
        while ((range >> shift) >= (ulong)finiteBuckets) shift++;
        buckets = new TimeBuckets(lowest, shift, (int)(range >> shift) + 1);
        return true;
    }

    /// <summary>The bucket of a non-negative time (one of the values fitted, or within their range).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Of(double value)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(value + 0.0);
        if (bits >= InfinityBits) return _finite;
        return bits <= _lowest ? 0 : (int)((bits - _lowest) >> _shift);
    }
}

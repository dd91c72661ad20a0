using System.Runtime.CompilerServices;

namespace TrialSim.Conduct;

/// <summary>
/// Order-preserving buckets for non-negative times (+infinity included), fitted to one set of
/// values: equal-width buckets over [0, largest finite value], so a larger time never lands in an
/// earlier bucket. Sorting or selecting then needs one counting pass over the buckets and exact work
/// only inside a bucket, which holds a handful of values for the times of a cut (spread over
/// months); callers bound that work and fall back to a sure method when times crowd together.
/// </summary>
/// <remarks>
/// Equal widths, not equal shares of each octave (bit-pattern buckets): the follow-up times of a
/// cut fill [0, max] fairly evenly, and over octaves the upper ones crowded three times as many
/// times into a bucket, each crowded pair a likely mispredicted branch in the insertion pass.
/// </remarks>
internal readonly struct TimeBuckets
{
    private readonly double _scale;
    private readonly int _last;

    private TimeBuckets(double scale, int last)
    {
        _scale = scale;
        _last = last;
    }

    /// <summary>The number of buckets.</summary>
    public int Count => _last + 1;

    /// <summary>Fits <paramref name="buckets"/> buckets (at least 1) over [0, largest finite value];
    /// false when a value is negative or NaN (no bucket order exists then).</summary>
    public static bool TryFit(ReadOnlySpan<double> values, int buckets, out TimeBuckets fitted)
    {
        double largest = 0;
        foreach (double value in values)
        {
            if (!(value >= 0))
            {
                fitted = default;
                return false;
            }
            if (value > largest && value < double.PositiveInfinity) largest = value;
        }
        double scale = buckets / largest;
        // All zeros (or a largest value so small the scale overflows): one bucket holds everything.
        if (!(scale < double.PositiveInfinity)) scale = 0;
        fitted = new TimeBuckets(scale, Math.Max(buckets, 1) - 1);
        return true;
    }

    /// <summary>The bucket of a non-negative time: floor(time x buckets / largest), the largest value
    /// and +infinity in the last. Monotone because rounding a product is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Of(double value) => Math.Min((int)(value * _scale), _last); // the conversion saturates: +infinity gives int.MaxValue
}

namespace TrialSim.Running;

/// <summary>Uniform integers in a range from random 32-bit words.</summary>
public static class UniformInteger
{
    /// <summary>
    /// A uniform integer in [0, <paramref name="range"/>), exactly (Lemire 2019, "Fast random integer
    /// generation in an interval": multiply-shift with rejection), from usually one word of
    /// <paramref name="words"/>.
    /// </summary>
    public static int Below<TWords>(ref TWords words, int range) where TWords : struct, IRandomWords
    {
        if (range <= 0) throw new ArgumentOutOfRangeException(nameof(range), range, "range must be positive");
        uint bound = (uint)range;
        ulong product = (ulong)words.NextUInt32() * bound;
        uint low = (uint)product;
        if (low < bound)
        {
            uint threshold = (0u - bound) % bound;
            while (low < threshold)
            {
                product = (ulong)words.NextUInt32() * bound;
                low = (uint)product;
            }
        }
        return (int)(product >> 32);
    }
}

namespace TrialSim.Conduct;

/// <summary>Order statistics without a full sort.</summary>
public static class Selection
{
    /// <summary>Below this many values quickselect alone is as fast as bucketing first.</summary>
    private const int BucketThreshold = 64;

    /// <summary>Buckets for <see cref="Smallest"/>: few enough for the stack.</summary>
    private const int Buckets = 256;

    /// <summary>
    /// The k-th smallest value (0-based); reorders <paramref name="values"/>. Non-negative values
    /// (times) are first counted into order-preserving buckets (<see cref="TimeBuckets"/>) and only
    /// the bucket holding rank k goes on to Hoare's quickselect: three linear passes instead of
    /// quickselect's hard-to-predict branches over every value. Other values go straight to quickselect.
    /// </summary>
    public static double Smallest(Span<double> values, int k)
    {
        if ((uint)k >= (uint)values.Length) throw new ArgumentOutOfRangeException(nameof(k));
        if (values.Length < BucketThreshold || !TimeBuckets.TryFit(values, Buckets, out var buckets)) return Quickselect(values, k);
        Span<int> counts = stackalloc int[Buckets + 1];
        counts = counts[..buckets.Count];
        counts.Clear();
        foreach (double value in values) counts[buckets.Of(value)]++;
        int target = 0, below = 0;
        while (below + counts[target] <= k) below += counts[target++];
        // Gather the target bucket at the front (swaps, so the values stay a permutation).
        int gathered = 0;
        for (int i = 0; i < values.Length; i++)
            if (buckets.Of(values[i]) == target) Swap(values, gathered++, i);
        return Quickselect(values[..gathered], k - below);
    }

    /// <summary>The k-th smallest value by Hoare's quickselect (median-of-three pivots).</summary>
    private static double Quickselect(Span<double> values, int k)
    {
        int left = 0, right = values.Length - 1;
        while (left < right)
        {
            // Median of three keeps sorted and reverse-sorted inputs linear.
            int middle = left + (right - left) / 2;
            if (values[middle] < values[left]) Swap(values, middle, left);
            if (values[right] < values[left]) Swap(values, right, left);
            if (values[right] < values[middle]) Swap(values, right, middle);
            double pivot = values[middle];
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j) { Swap(values, i, j); i++; j--; }
            }
            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return values[k];
        }
        return values[k];
    }

    public static double Largest(ReadOnlySpan<double> values)
    {
        double max = double.NegativeInfinity;
        foreach (double v in values) if (v > max) max = v;
        return max;
    }

    private static void Swap(Span<double> values, int a, int b) => (values[a], values[b]) = (values[b], values[a]);
}

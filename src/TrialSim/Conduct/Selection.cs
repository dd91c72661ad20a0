namespace TrialSim.Conduct;

/// <summary>Order statistics without a full sort.</summary>
public static class Selection
{
    /// <summary>The k-th smallest value (0-based) by Hoare's quickselect; reorders <paramref name="values"/>.</summary>
    public static double Smallest(Span<double> values, int k)
    {
        if ((uint)k >= (uint)values.Length) throw new ArgumentOutOfRangeException(nameof(k));
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

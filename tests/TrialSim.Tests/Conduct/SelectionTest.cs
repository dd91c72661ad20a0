using TrialSim.Conduct;

namespace TrialSim.Tests.Conduct;

public class SelectionTest
{
    /// <summary>Quickselect against the naive reference: sort, then index.</summary>
    [Fact]
    public void Smallest_agrees_with_sorting()
    {
        var random = new Random(2024);
        for (int trial = 0; trial < 500; trial++)
        {
            int n = random.Next(1, 80);
            // Few distinct values, so ties are common.
            var values = Enumerable.Range(0, n).Select(_ => (double)random.Next(0, 15)).ToArray();
            int k = random.Next(0, n);
            double expected = values.Order().ElementAt(k);
            Assert.Equal(expected, Selection.Smallest(values.ToArray(), k));
        }
    }

    /// <summary>Enough values for the bucket pass: times with ties, zeros, +infinity and a long tail, and
    /// values with a negative one (straight to quickselect). The values must stay a permutation.</summary>
    [Fact]
    public void Smallest_with_buckets_agrees_with_sorting()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 300; trial++)
        {
            int n = random.Next(64, 700);
            var values = Enumerable.Range(0, n).Select(_ => random.Next(6) switch
            {
                0 => 0.0,
                1 => double.PositiveInfinity,
                2 => Math.Round(random.NextDouble() * 20),
                3 => Math.Exp(random.NextDouble() * 40 - 20),
                _ => random.NextDouble() * 30,
            }).ToArray();
            if (trial % 10 == 0) values[random.Next(n)] = -1;
            int k = random.Next(0, n);
            var work = values.ToArray();
            Assert.Equal(values.Order().ElementAt(k), Selection.Smallest(work, k));
            Assert.Equal(values.Order(), work.Order());
        }
    }

    [Fact]
    public void Smallest_handles_sorted_and_reversed_input()
    {
        var ascending = Enumerable.Range(0, 1000).Select(i => (double)i).ToArray();
        Assert.Equal(499, Selection.Smallest(ascending.ToArray(), 499));
        Assert.Equal(499, Selection.Smallest(ascending.Reverse().ToArray(), 499));
        Assert.Throws<ArgumentOutOfRangeException>(() => Selection.Smallest(new double[3], 3));
    }
}

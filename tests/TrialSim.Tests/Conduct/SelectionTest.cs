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

    [Fact]
    public void Smallest_handles_sorted_and_reversed_input()
    {
        var ascending = Enumerable.Range(0, 1000).Select(i => (double)i).ToArray();
        Assert.Equal(499, Selection.Smallest(ascending.ToArray(), 499));
        Assert.Equal(499, Selection.Smallest(ascending.Reverse().ToArray(), 499));
        Assert.Throws<ArgumentOutOfRangeException>(() => Selection.Smallest(new double[3], 3));
    }
}

using TrialSim.Conduct;

namespace TrialSim.Tests.Conduct;

public class ObservedDataTest
{
    /// <summary>The radix sort (large cuts) and introsort (small ones) against the naive reference: a
    /// stable LINQ order by time. The same (time, event, arm, stratum) rows must come out, in time order.</summary>
    [Theory]
    [InlineData(10)]
    [InlineData(95)]
    [InlineData(96)]
    [InlineData(500)]
    [InlineData(2000)]
    public void Sort_by_time_agrees_with_a_stable_reference(int n)
    {
        var random = new Random(n);
        for (int trial = 0; trial < 50; trial++)
        {
            var observed = new ObservedData(n, arms: 3);
            var rows = new List<(double Time, bool Event, byte Arm, byte Stratum)>();
            for (int i = 0; i < n; i++)
            {
                // Few distinct values make ties common; zeros and +infinity are legal times.
                double time = random.Next(5) switch
                {
                    0 => random.Next(0, 12),
                    1 => 0.0,
                    2 => random.NextDouble() * 120,
                    3 => Math.Round(random.NextDouble() * 60, 1),
                    _ => i % 97 == 0 ? double.PositiveInfinity : random.NextDouble() * 1e-3,
                };
                var row = (time, random.Next(2) == 1, (byte)random.Next(3), (byte)random.Next(4));
                rows.Add(row);
                observed.Add(row.time, row.Item2, row.Item3, row.Item4);
            }
            observed.SortByTime();
            var expectedTimes = rows.Select(r => r.Time).Order().ToArray();
            Assert.Equal(expectedTimes, observed.Time.ToArray());
            var actual = Enumerable.Range(0, n).Select(i => (observed.Time[i], observed.IsEvent[i], observed.Arm[i], observed.Stratum[i]))
                .OrderBy(r => r.Item1).ThenBy(r => r.Item2).ThenBy(r => r.Item3).ThenBy(r => r.Item4);
            var expected = rows.OrderBy(r => r.Time).ThenBy(r => r.Event).ThenBy(r => r.Arm).ThenBy(r => r.Stratum);
            Assert.Equal(expected, actual);
        }
    }
}

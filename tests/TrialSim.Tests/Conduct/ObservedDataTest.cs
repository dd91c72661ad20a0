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

    /// <summary>Sorting is stable whichever sort runs: times that spread over the buckets (bucket sort),
    /// times crowded by one outlier into a few buckets (the bucket sort gives up for the radix sort),
    /// and ties everywhere. Each row's tag records its input position, and among equal times the
    /// positions must come out ascending.</summary>
    [Theory]
    [InlineData("spread")]
    [InlineData("crowded")]
    [InlineData("ties")]
    public void Sort_by_time_is_stable(string shape)
    {
        const int n = 600;
        var random = new Random(7);
        var observed = new ObservedData(n, arms: 256);
        var times = new double[n];
        for (int i = 0; i < n; i++)
        {
            times[i] = shape switch
            {
                "spread" => random.NextDouble() * 24,
                "crowded" => i == 0 ? 1e300 : random.NextDouble(),
                _ => random.Next(6) * 3.0,
            };
            // The position rides in the arm (low 8 bits) and stratum (next 8) codes.
            observed.Add(times[i], false, (byte)(i & 0xFF), (byte)(i >> 8));
        }
        observed.SortByTime();
        var expected = Enumerable.Range(0, n).OrderBy(i => times[i]).ToArray(); // LINQ's OrderBy is stable
        var actual = Enumerable.Range(0, n).Select(r => observed.Arm[r] | (observed.Stratum[r] << 8)).ToArray();
        Assert.Equal(expected, actual);
    }
}

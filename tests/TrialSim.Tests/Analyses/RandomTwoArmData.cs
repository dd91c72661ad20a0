namespace TrialSim.Tests.Analyses;

/// <summary>Small random two-arm data sets with many ties, for checking fast kernels against naive ones.</summary>
internal sealed record RandomTwoArmData(double[] Time, bool[] IsEvent, byte[] Group, byte[] Stratum, int Strata)
{
    /// <summary>Up to 40 patients, integer times 1..8 (ties between events, censorings and both),
    /// about 10% of patients in a third arm (group 2, with a stratum code out of range to show it
    /// is never read), 1 to 3 strata interleaved in time order.</summary>
    public static RandomTwoArmData Next(Random random)
    {
        int n = random.Next(0, 41);
        int strata = random.Next(1, 4);
        double[] time = Enumerable.Range(0, n).Select(_ => (double)random.Next(1, 9)).Order().ToArray();
        bool[] isEvent = time.Select(_ => random.NextDouble() < 0.6).ToArray();
        byte[] group = time.Select(_ => random.NextDouble() switch { < 0.45 => (byte)0, < 0.9 => (byte)1, _ => (byte)2 }).ToArray();
        byte[] stratum = group.Select(g => g == 2 ? (byte)200 : (byte)random.Next(0, strata)).ToArray();
        return new RandomTwoArmData(time, isEvent, group, stratum, strata);
    }

    /// <summary>The patients in the comparison (group 0 or 1).</summary>
    public IEnumerable<int> Compared => Enumerable.Range(0, Time.Length).Where(i => Group[i] <= 1);

    /// <summary>The compared patients of one stratum.</summary>
    public List<int> InStratum(int s) => Compared.Where(i => Stratum[i] == s).ToList();
}

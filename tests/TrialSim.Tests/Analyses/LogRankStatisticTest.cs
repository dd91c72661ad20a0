using TrialSim.Analyses;

namespace TrialSim.Tests.Analyses;

public partial class LogRankStatisticTest
{
    [Fact]
    public void Compute_Aml_MatchesRSurvdiff()
    {
        // R survival 3.5.3, survdiff(Surv(time, status) ~ arm) with arm 1 = maintained (validation.md).
        var (time, isEvent, group) = AmlData.AllSortedWithGroup();
        var statistic = LogRank.Compute(time, isEvent, group, [], 1);
        Assert.Equal(7, statistic.Observed);
        Assert.Equal(10.6893359923, statistic.Expected, 1e-8);
        Assert.Equal(4.0075507459, statistic.Variance, 1e-8);
        Assert.Equal(3.3963886990, statistic.ChiSquare, 1e-8);
        Assert.True(statistic.Z < 0); // maintained has fewer events than expected
        Assert.Equal(18, statistic.Events);
        Assert.Equal(23, statistic.Analysed);
    }

    [Fact]
    public void Compute_TiedData_MatchesRSurvdiff()
    {
        // R survival 3.5.3, survdiff(Surv(time, status) ~ arm, data = d) (d in TiedStrataData):
        // obs 8, exp 9.80333333333333, var 3.95867007461182, chisq 0.821490816314114.
        var statistic = LogRank.Compute(TiedStrataData.Time, TiedStrataData.IsEvent, TiedStrataData.Group, TiedStrataData.Stratum, 1);
        Assert.Equal(8, statistic.Observed);
        Assert.Equal(9.80333333333333, statistic.Expected, 1e-8);
        Assert.Equal(3.95867007461182, statistic.Variance, 1e-8);
        Assert.Equal(0.821490816314114, statistic.ChiSquare, 1e-8);
        Assert.Equal(19, statistic.Events);
        Assert.Equal(30, statistic.Analysed);
    }

    [Fact]
    public void Compute_TiedDataStratified_MatchesRSurvdiff()
    {
        // R survival 3.5.3, survdiff(Surv(time, status) ~ arm + strata(stratum), data = d):
        // rowSums(obs)[2] 8, rowSums(exp)[2] 9.93406593406593, var[2, 2] 3.86832280661951, chisq 0.966985234767214.
        var statistic = LogRank.Compute(TiedStrataData.Time, TiedStrataData.IsEvent, TiedStrataData.Group, TiedStrataData.Stratum, 2);
        Assert.Equal(8, statistic.Observed);
        Assert.Equal(9.93406593406593, statistic.Expected, 1e-8);
        Assert.Equal(3.86832280661951, statistic.Variance, 1e-8);
        Assert.Equal(0.966985234767214, statistic.ChiSquare, 1e-8);
    }

    [Fact]
    public void FastMatchesNaive_OnRandomDataWithTies()
    {
        var random = new Random(20250301);
        for (int replicate = 0; replicate < 400; replicate++)
        {
            var data = RandomTwoArmData.Next(random);
            var fast = LogRank.Compute(data.Time, data.IsEvent, data.Group, data.Stratum, data.Strata);
            var naive = NaiveLogRank(data);
            Assert.Equal(naive.Observed, fast.Observed, 1e-12);
            Assert.Equal(naive.Expected, fast.Expected, 1e-10);
            Assert.Equal(naive.Variance, fast.Variance, 1e-10);
            Assert.Equal(data.Compared.Count(), fast.Analysed);
            Assert.Equal(data.Compared.Count(i => data.IsEvent[i]), fast.Events);
        }
    }

    /// <summary>Hundreds of distinct event times, so the unstratified kernel sums its risk sets in
    /// several batches; ties come from rounding some times; the stratified scan with one stratum is
    /// an independent second answer, and the sums must agree exactly (same terms, same order).</summary>
    [Fact]
    public void Unstratified_ManyEventTimes_MatchesNaiveAndTheScan()
    {
        var random = new Random(6);
        for (int replicate = 0; replicate < 5; replicate++)
        {
            int n = 900;
            double[] time = Enumerable.Range(0, n).Select(_ => random.Next(3) == 0 ? Math.Round(random.NextDouble() * 30) : random.NextDouble() * 30).Order().ToArray();
            bool[] isEvent = time.Select(_ => random.NextDouble() < 0.5).ToArray();
            byte[] group = time.Select(_ => random.NextDouble() switch { < 0.45 => (byte)0, < 0.95 => (byte)1, _ => (byte)2 }).ToArray();
            byte[] oneStratum = new byte[n];
            var data = new RandomTwoArmData(time, isEvent, group, oneStratum, 1);
            var fast = LogRank.Compute(time, isEvent, group, [], 1);
            var naive = NaiveLogRank(data);
            Assert.Equal(naive.Observed, fast.Observed, 1e-12);
            Assert.Equal(naive.Expected, fast.Expected, 1e-9);
            Assert.Equal(naive.Variance, fast.Variance, 1e-9);
            // Two strata declared, every patient in stratum 0: the general scan, one risk set per event time.
            var scan = LogRank.Compute(time, isEvent, group, oneStratum, 2);
            Assert.Equal(scan, fast);
        }
    }

    [Fact]
    public void ThirdArm_IsIgnored()
    {
        // Patients of a third arm (group 2) inserted at tied and untied times, with stratum codes out
        // of range: the statistic is exactly that of the data without them.
        var (time, isEvent, group, stratum) = WithThirdArm();
        var withThird = LogRank.Compute(time, isEvent, group, stratum, 2);
        var without = LogRank.Compute(TiedStrataData.Time, TiedStrataData.IsEvent, TiedStrataData.Group, TiedStrataData.Stratum, 2);
        Assert.Equal(without, withThird);
    }

    [Fact]
    public void NoEvents_ZeroVariance()
    {
        var statistic = LogRank.Compute([1, 2, 3], [false, false, false], [0, 1, 0], [], 1);
        Assert.Equal(new LogRankStatistic(0, 0, 0, 0, 3), statistic);
        Assert.True(double.IsNaN(statistic.Z));
    }

    [Fact]
    public void EmptyData_ZeroVariance()
    {
        Assert.Equal(new LogRankStatistic(0, 0, 0, 0, 0), LogRank.Compute([], [], [], [], 1));
    }

    [Fact]
    public void Unstratified_DoesNotReadStratum()
    {
        // With strata = 1 the stratum span may be empty or hold anything.
        var empty = LogRank.Compute(TiedStrataData.Time, TiedStrataData.IsEvent, TiedStrataData.Group, [], 1);
        var given = LogRank.Compute(TiedStrataData.Time, TiedStrataData.IsEvent, TiedStrataData.Group, TiedStrataData.Stratum, 1);
        Assert.Equal(empty, given);
    }

    [Fact]
    public void Compute_RejectsBadInput()
    {
        double[] time = [1, 2, 3];
        bool[] isEvent = [true, false, true];
        byte[] group = [0, 1, 0];
        Assert.Throws<ArgumentOutOfRangeException>(() => LogRank.Compute(time, isEvent, group, [0, 0, 0], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LogRank.Compute(time, isEvent, group, [0, 0, 0], 65));
        Assert.Throws<ArgumentOutOfRangeException>(() => LogRank.Compute(time, isEvent, group, [0, 2, 0], 2));
        Assert.Throws<ArgumentException>(() => LogRank.Compute(time, isEvent, group, [0, 0], 2));
        Assert.Throws<ArgumentException>(() => LogRank.Compute(time, [true], group, [], 1));
        Assert.Throws<ArgumentException>(() => LogRank.Compute(time, isEvent, [0, 1], [], 1));
        Assert.Throws<ArgumentException>(() => LogRank.Compute([1, 3, 2], isEvent, group, [], 1));
        Assert.Throws<ArgumentException>(() => LogRank.Compute([1, double.NaN, 3], isEvent, group, [], 1));
    }

    [Fact]
    public void Compute_AllocatesNothing()
    {
        double[] time = TiedStrataData.Time;
        bool[] isEvent = TiedStrataData.IsEvent;
        byte[] group = TiedStrataData.Group, stratum = TiedStrataData.Stratum;
        LogRank.Compute(time, isEvent, group, stratum, 2);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < 1000; i++) sum += LogRank.Compute(time, isEvent, group, stratum, 1 + i % 2).Variance;
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sum > 0);
    }

    /// <summary>TiedStrataData with six third-arm patients added (some events), stratum code 9.</summary>
    internal static (double[] Time, bool[] IsEvent, byte[] Group, byte[] Stratum) WithThirdArm()
    {
        var rows = Enumerable.Range(0, TiedStrataData.Time.Length)
            .Select(i => (Time: TiedStrataData.Time[i], IsEvent: TiedStrataData.IsEvent[i], Group: TiedStrataData.Group[i], Stratum: TiedStrataData.Stratum[i]))
            .Concat(new (double Time, bool IsEvent, byte Group, byte Stratum)[]
            {
                (0.5, true, 2, 9), (2, true, 2, 9), (2, false, 2, 9), (4.5, true, 2, 9), (6, true, 2, 9), (7, true, 2, 9),
            })
            .OrderBy(r => r.Time).ToArray();
        return (rows.Select(r => r.Time).ToArray(), rows.Select(r => r.IsEvent).ToArray(),
            rows.Select(r => r.Group).ToArray(), rows.Select(r => r.Stratum).ToArray());
    }
}

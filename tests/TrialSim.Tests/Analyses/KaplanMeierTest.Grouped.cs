using TrialSim.Analyses;

namespace TrialSim.Tests.Analyses;

// The group-filtered Kaplan-Meier: R's per-stratum curves, and the single-group estimator run on the
// group's patients copied out.
public partial class KaplanMeierTest
{
    [Theory]
    // R survival: summary(survfit(Surv(time, status) ~ g, data = aml), times = c(12, 24, 30)), g = 1 maintained.
    [InlineData(1, 12, 0.90909090909090906, 0.08667841720414475, 10)]
    [InlineData(1, 24, 0.61363636363636354, 0.15263233102731200, 6)]
    [InlineData(1, 30, 0.61363636363636354, 0.15263233102731200, 5)]
    [InlineData(0, 12, 0.58333333333333337, 0.14231876063832777, 8)]
    [InlineData(0, 24, 0.48611111111111116, 0.14813006255348293, 5)]
    [InlineData(0, 30, 0.29166666666666674, 0.13871516913498738, 4)]
    public void AtGroup_AmlByArm_MatchesR(byte which, double time, double survival, double standardError, int atRisk)
    {
        var (allTime, isEvent, group) = AmlData.AllSortedWithGroup();
        var point = KaplanMeier.At(allTime, isEvent, group, which, time);
        Assert.Equal(survival, point.Survival, 1e-12);
        Assert.Equal(standardError, point.StandardError, 1e-12);
        Assert.Equal(atRisk, point.AtRisk);
    }

    [Theory]
    // R survival: summary(survfit(Surv(tt, st) ~ gg, data = d2), times = c(6, 12, 15)) on TiedTwoArmData.
    [InlineData(1, 6, 0.90909090909090906, 0.08667841720414475, 9)]
    [InlineData(1, 12, 0.56818181818181812, 0.16476382136091505, 6)]
    [InlineData(1, 15, 0.42613636363636359, 0.17436437877139666, 4)]
    [InlineData(0, 6, 0.60000000000000009, 0.15491933384829668, 8)]
    [InlineData(0, 12, 0.45000000000000007, 0.17428425057933380, 4)]
    [InlineData(0, 15, 0.30000000000000004, 0.16881943016134135, 2)]
    public void AtGroup_TiedDataWithThirdGroup_MatchesR(byte which, double time, double survival, double standardError, int atRisk)
    {
        var point = KaplanMeier.At(TiedTwoArmData.Time, TiedTwoArmData.IsEvent, TiedTwoArmData.Group, which, time);
        Assert.Equal(survival, point.Survival, 1e-12);
        Assert.Equal(standardError, point.StandardError, 1e-12);
        Assert.Equal(atRisk, point.AtRisk);
    }

    [Fact]
    public void AtGroup_MatchesNaiveOnTheGroupCopiedOut()
    {
        var random = new Random(20250214);
        for (int replicate = 0; replicate < 300; replicate++)
        {
            int n = random.Next(0, 41);
            double[] time = Enumerable.Range(0, n).Select(_ => (double)random.Next(1, 16)).Order().ToArray();
            bool[] isEvent = time.Select(_ => random.NextDouble() < 0.6).ToArray();
            byte[] group = time.Select(_ => (byte)random.Next(0, 3)).ToArray();
            for (byte which = 0; which <= 2; which++)
            {
                double[] groupTime = time.Where((_, i) => group[i] == which).ToArray();
                bool[] groupIsEvent = isEvent.Where((_, i) => group[i] == which).ToArray();
                foreach (double t in new[] { 0.5, 3, 7.5, 10, 15, 20 })
                {
                    var fast = KaplanMeier.At(time, isEvent, group, which, t);
                    var naive = NaiveAt(groupTime, groupIsEvent, t);
                    Assert.Equal(naive.Survival, fast.Survival, 1e-12);
                    if (double.IsPositiveInfinity(naive.GreenwoodSum)) Assert.True(double.IsPositiveInfinity(fast.GreenwoodSum));
                    else Assert.Equal(naive.GreenwoodSum, fast.GreenwoodSum, 1e-12);
                    Assert.Equal(naive.AtRisk, fast.AtRisk);
                    Assert.Equal(naive.Events, fast.EventsUpTo);
                    Assert.Equal(groupTime.Length == 0 || t > groupTime[^1], fast.BeyondLastObservation);
                    // The single-group overload on the copy is the same estimator.
                    Assert.Equal(KaplanMeier.At(groupTime, groupIsEvent, t), fast);
                }
            }
        }
    }

    [Fact]
    public void AtGroup_EmptyGroup_IsOneWithNobodyAtRisk()
    {
        var point = KaplanMeier.At([1, 2, 3], [true, false, true], [0, 0, 2], 1, 2);
        Assert.Equal(new KaplanMeierPoint(1.0, 0.0, 0, 0, true), point);
    }

    [Fact]
    public void AtGroup_RejectsBadInput()
    {
        Assert.Throws<ArgumentException>(() => KaplanMeier.At([1, 2], [true, true], [1], 1, 1));
        Assert.Throws<ArgumentException>(() => KaplanMeier.At([1, 2], [true], [1, 1], 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeier.At([1, 2], [true, true], [1, 1], 1, double.NaN));
        // Sorting is checked over every patient, not only the group's.
        Assert.Throws<ArgumentException>(() => KaplanMeier.At([2, 1], [true, true], [1, 0], 1, 5));
    }

    [Fact]
    public void AtGroup_AllocatesNothing()
    {
        var (time, isEvent, group) = AmlData.AllSortedWithGroup();
        KaplanMeier.At(time, isEvent, group, 1, 24); // warm up: JIT
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < 100; i++)
        {
            sum += KaplanMeier.At(time, isEvent, group, (byte)(i % 2), i).Survival;
        }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sum > 0);
    }
}

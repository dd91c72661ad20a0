using TrialSim.Analyses;
using static TrialSim.Tests.Analyses.AmlData;

namespace TrialSim.Tests.Analyses;

public partial class KaplanMeierTest
{
    [Theory]
    // validation.md (R survival 3.5): S(t) and Greenwood standard errors, aml maintained arm.
    [InlineData(12, 0.9090909091, 0.0866784172, 10, 1)]
    [InlineData(24, 0.6136363636, 0.1526323310, 6, 4)]
    [InlineData(36, 0.3681818182, 0.1626688858, 3, 6)]
    public void At_AmlMaintained_MatchesR(double time, double survival, double standardError, int atRisk, int eventsUpTo)
    {
        var point = KaplanMeier.At(MaintainedTime, MaintainedIsEvent, time);
        Assert.Equal(survival, point.Survival, 1e-8);
        Assert.Equal(standardError, point.StandardError, 1e-8);
        // n.risk from R's summary(fit, times = c(12, 24, 36)): 10, 6, 3.
        Assert.Equal(atRisk, point.AtRisk);
        Assert.Equal(eventsUpTo, point.EventsUpTo);
        Assert.False(point.BeyondLastObservation);
    }

    [Fact]
    public void At_TiedEventAndCensoring_EventComesFirst()
    {
        // At 13 one event and one censoring, 10 at risk: S(13) = 10/11 * 9/10 = 9/11.
        // Censoring first would give 10/11 * 8/9 instead.
        var point = KaplanMeier.At(MaintainedTime, MaintainedIsEvent, 13);
        Assert.Equal(9.0 / 11.0, point.Survival, 1e-14);
        Assert.Equal(1.0 / 110 + 1.0 / 90, point.GreenwoodSum, 1e-14);
        Assert.Equal(10, point.AtRisk); // both patients at 13 are at risk at 13
    }

    [Fact]
    public void At_BeforeFirstTime_IsOneWithEveryoneAtRisk()
    {
        var point = KaplanMeier.At(MaintainedTime, MaintainedIsEvent, 0);
        Assert.Equal(1.0, point.Survival);
        Assert.Equal(0.0, point.GreenwoodSum);
        Assert.Equal(0.0, point.StandardError);
        Assert.Equal(11, point.AtRisk);
        Assert.Equal(0, point.EventsUpTo);
    }

    [Fact]
    public void At_BeyondLastObservation_CarriesLastValueForwardAndSaysSo()
    {
        // R: summary(fit, times = 200, extend = TRUE): surv 0.184090909090909, std.err 0.153492745786294, n.risk 0.
        var point = KaplanMeier.At(MaintainedTime, MaintainedIsEvent, 200);
        Assert.Equal(0.184090909090909, point.Survival, 1e-12);
        Assert.Equal(0.153492745786294, point.StandardError, 1e-12);
        Assert.Equal(0, point.AtRisk);
        Assert.True(point.BeyondLastObservation);
        Assert.False(KaplanMeier.At(MaintainedTime, MaintainedIsEvent, 161).BeyondLastObservation);
    }

    [Fact]
    public void At_CurveReachesZero_GreenwoodSumInfiniteStandardErrorZero()
    {
        double[] time = [1, 2, 3];
        bool[] isEvent = [true, true, true];
        var end = KaplanMeier.At(time, isEvent, 3);
        Assert.Equal(0.0, end.Survival);
        Assert.True(double.IsPositiveInfinity(end.GreenwoodSum));
        Assert.Equal(0.0, end.StandardError);
        // R: std.err 0.272165526975909 at S = 1/3, before the curve reaches 0.
        var before = KaplanMeier.At(time, isEvent, 2.5);
        Assert.Equal(1.0 / 3.0, before.Survival, 1e-14);
        Assert.Equal(0.272165526975909, before.StandardError, 1e-12);
    }

    [Fact]
    public void At_NoPatients_IsOneAndBeyondLastObservation()
    {
        var point = KaplanMeier.At([], [], 5);
        Assert.Equal(1.0, point.Survival);
        Assert.Equal(0, point.AtRisk);
        Assert.True(point.BeyondLastObservation);
        Assert.True(double.IsPositiveInfinity(KaplanMeier.Median([], [])));
    }

    [Fact]
    public void Median_Aml_MatchesR()
    {
        // R survival 3.5.3: quantile(survfit(...), 0.5): maintained 31, all 23 patients 27.
        Assert.Equal(31.0, KaplanMeier.Median(MaintainedTime, MaintainedIsEvent));
        var (time, isEvent) = AllSorted();
        Assert.Equal(27.0, KaplanMeier.Median(time, isEvent));
    }

    [Fact]
    public void MedianFollowUp_Aml_MatchesRReverseKaplanMeier()
    {
        // R survival 3.5.3: quantile(survfit(Surv(time, 1 - status) ~ 1), 0.5).
        // Maintained: the reverse curve is 0.9, 0.75, then exactly 0.5 from 45 until 161, so R's
        // midpoint rule gives (45 + 161) / 2 = 103. All 23 patients: 161.
        Assert.Equal(103.0, KaplanMeier.MedianFollowUp(MaintainedTime, MaintainedIsEvent));
        var (time, isEvent) = AllSorted();
        Assert.Equal(161.0, KaplanMeier.MedianFollowUp(time, isEvent));
    }

    [Fact]
    public void Median_FlatAtHalfToTheEnd_UsesMidpointToLastObservation()
    {
        // R: S = 0.75, 0.5 at times 1, 2, then censorings at 3 and 4: median (2 + 4) / 2 = 3.
        Assert.Equal(3.0, KaplanMeier.Median([1, 2, 3, 4], [true, true, false, false]));
        // R: S = 0.8, 0.6, never reaches 0.5: NA.
        Assert.True(double.IsPositiveInfinity(KaplanMeier.Median([1, 2, 3, 4, 6], [true, true, false, false, false])));
    }

    [Fact]
    public void Functions_RejectBadInput()
    {
        Assert.Throws<ArgumentException>(() => KaplanMeier.At([1, 2], [true], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeier.At([1, 2], [true, true], double.NaN));
        Assert.Throws<ArgumentException>(() => KaplanMeier.Median([2, 1], [true, true]));
        Assert.Throws<ArgumentException>(() => KaplanMeier.MedianFollowUp([1, double.NaN], [true, true]));
    }

    [Fact]
    public void At_AllocatesNothing()
    {
        var (time, isEvent) = AllSorted();
        KaplanMeier.At(time, isEvent, 24); // warm up: JIT
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < 100; i++)
        {
            sum += KaplanMeier.At(time, isEvent, i).Survival + KaplanMeier.Median(time, isEvent) + KaplanMeier.MedianFollowUp(time, isEvent);
        }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sum > 0);
    }
}

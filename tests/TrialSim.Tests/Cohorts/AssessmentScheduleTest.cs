using TrialSim.Cohorts;

namespace TrialSim.Tests.Cohorts;

public class AssessmentScheduleTest
{
    // SSG XXV imaging: a scan at 2 months, every 3 months in year 1, every 4 in years 2-3, every 6
    // in years 4-5.
    private static AssessmentSchedule SsgXxv(double thereafterEvery) =>
        AssessmentSchedule.FromSegments(2, [(3, 12), (4, 36), (6, 60)], thereafterEvery);

    /// <summary>Naive reference: every visit up to a horizon, listed.</summary>
    private static List<double> AllVisits(AssessmentSchedule schedule, double horizon)
    {
        var visits = new List<double>(schedule.VisitTimes);
        if (double.IsFinite(schedule.ThereafterEvery))
            for (int k = 1; visits[^1] < horizon; k++)
                visits.Add(schedule.VisitTimes[^1] + k * schedule.ThereafterEvery);
        return visits;
    }

    [Fact]
    public void FromSegments_SsgXxv_GivesThePublishedScanTimes()
    {
        Assert.Equal([2.0, 5, 8, 11, 15, 19, 23, 27, 31, 35, 41, 47, 53, 59], SsgXxv(double.PositiveInfinity).VisitTimes.ToArray());
    }

    [Fact]
    public void FromSegments_FractionalIntervalsLandOnTheirLimit()
    {
        // Ten steps of 0.1 accumulate rounding; the last scan at 1.1 must not be lost.
        var schedule = AssessmentSchedule.FromSegments(0.1, [(0.1, 1.1)], double.PositiveInfinity);
        Assert.Equal(11, schedule.VisitTimes.Length);
    }

    [Theory]
    [InlineData(0.0, 2.0)]     // before the first scan
    [InlineData(1.0, 2.0)]
    [InlineData(2.0, 2.0)]     // at the first scan
    [InlineData(2.5, 5.0)]
    [InlineData(12.0, 15.0)]   // between segments
    [InlineData(35.0, 35.0)]
    [InlineData(36.0, 41.0)]
    [InlineData(59.0, 59.0)]   // at the last scan
    [InlineData(59.5, double.PositiveInfinity)] // after the last scan, none follow
    public void FirstVisitAtOrAfter_WithoutThereafter(double time, double expected)
    {
        Assert.Equal(expected, SsgXxv(double.PositiveInfinity).FirstVisitAtOrAfter(time));
    }

    [Theory]
    [InlineData(0.0, 0.0)]     // before the first scan: entry
    [InlineData(1.0, 0.0)]
    [InlineData(2.0, 2.0)]
    [InlineData(4.9, 2.0)]
    [InlineData(12.0, 11.0)]
    [InlineData(36.0, 35.0)]
    [InlineData(59.0, 59.0)]
    [InlineData(100.0, 59.0)]  // after the last scan, none follow
    public void LastVisitAtOrBefore_WithoutThereafter(double time, double expected)
    {
        Assert.Equal(expected, SsgXxv(double.PositiveInfinity).LastVisitAtOrBefore(time));
    }

    [Theory]
    [InlineData(1.0, 2.0)]
    [InlineData(59.0, 59.0)]
    [InlineData(59.5, 71.0)]
    [InlineData(71.0, 71.0)]
    [InlineData(71.5, 83.0)]
    [InlineData(119.0, 119.0)]
    public void FirstVisitAtOrAfter_WithYearlyScansThereafter(double time, double expected)
    {
        Assert.Equal(expected, SsgXxv(12).FirstVisitAtOrAfter(time));
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(59.0, 59.0)]
    [InlineData(70.9, 59.0)]
    [InlineData(71.0, 71.0)]
    [InlineData(100.0, 95.0)]
    public void LastVisitAtOrBefore_WithYearlyScansThereafter(double time, double expected)
    {
        Assert.Equal(expected, SsgXxv(12).LastVisitAtOrBefore(time));
    }

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(12.0)]
    public void BothLookups_AgreeWithNaiveReference(double thereafterEvery)
    {
        var schedule = SsgXxv(thereafterEvery);
        var visits = AllVisits(schedule, 200);
        for (double t = 0; t <= 150; t += 0.25)
        {
            double first = visits.Where(v => v >= t).DefaultIfEmpty(double.PositiveInfinity).First();
            double last = visits.Where(v => v <= t).DefaultIfEmpty(0).Last();
            Assert.Equal(first, schedule.FirstVisitAtOrAfter(t));
            Assert.Equal(last, schedule.LastVisitAtOrBefore(t));
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(3.7)]
    [InlineData(59.5)]
    public void Continuous_SeesEveryEventAtItsTime(double time)
    {
        var schedule = AssessmentSchedule.Continuous;
        Assert.True(schedule.IsContinuous);
        Assert.Equal(time, schedule.FirstVisitAtOrAfter(time));
        Assert.Equal(time, schedule.LastVisitAtOrBefore(time));
    }

    [Fact]
    public void Equality_IsByValue()
    {
        Assert.Equal(SsgXxv(12), SsgXxv(12));
        Assert.NotEqual(SsgXxv(12), SsgXxv(double.PositiveInfinity));
        Assert.NotEqual(AssessmentSchedule.Continuous, SsgXxv(12));
    }

    [Theory]
    [InlineData(new double[0], 12.0)]
    [InlineData(new double[] { 0, 3 }, 12.0)]       // a scan at entry
    [InlineData(new double[] { 3, 3 }, 12.0)]
    [InlineData(new double[] { 3, 2 }, 12.0)]
    [InlineData(new double[] { 3, double.PositiveInfinity }, 12.0)]
    [InlineData(new double[] { 3, 6 }, 0.0)]
    [InlineData(new double[] { 3, 6 }, double.NaN)]
    public void Constructor_RejectsInvalidSchedules(double[] visits, double thereafterEvery)
    {
        Assert.ThrowsAny<ArgumentException>(() => new AssessmentSchedule(visits, thereafterEvery));
    }

    [Fact]
    public void FromSegments_RejectsANonPositiveInterval()
    {
        Assert.ThrowsAny<ArgumentException>(() => AssessmentSchedule.FromSegments(2, [(0, 12)], double.PositiveInfinity));
    }
}

using TrialSim.Cohorts;
using TrialSim.Conduct;

namespace TrialSim.Tests.Conduct;

/// <summary>Data cuts on hand-made cohorts whose recorded data can be worked out on paper.</summary>
public class DataCutTest
{
    private static Cohort Cohort(params (double Entry, double Progression, double Dropout, bool Ineligible)[] patients)
    {
        var cohort = new Cohort(patients.Length);
        for (int i = 0; i < patients.Length; i++)
        {
            cohort.Entry[i] = patients[i].Entry;
            cohort.Progression[i] = patients[i].Progression;
            cohort.Death[i] = double.PositiveInfinity;
            cohort.Dropout[i] = patients[i].Dropout;
            cohort.Ineligible[i] = patients[i].Ineligible;
        }
        cohort.Enrolled = patients.Length;
        cohort.LastEntry = patients[^1].Entry;
        cohort.AccrualEnd = cohort.LastEntry;
        return cohort;
    }

    private static readonly AssessmentSchedule Scans = AssessmentSchedule.FromSegments(2, [(3, 12), (4, 36), (6, 60)], double.PositiveInfinity);
    private static readonly double Inf = double.PositiveInfinity;

    [Fact]
    public void Scans_record_progression_at_the_next_visit_and_censor_at_the_last_visit()
    {
        var cohort = Cohort(
            (0, 3.5, Inf, false),    // progression 3.5 -> seen at the 5-month scan
            (1, 35.5, Inf, false),   // progression 35.5 -> seen at 41
            (2, Inf, 9.9, false),    // drops out at 9.9 -> censored at the 8-month scan
            (3, 1.0, Inf, true),     // ineligible: not analysed
            (4, Inf, Inf, false));   // event-free: censored at the last scan before the cut
        var observed = new ObservedData(5);
        DataCut.Cut(cohort, new AfterLastPatient(30), Scans, Inf, observed); // cut at calendar 34
        Assert.Equal(34, observed.CutTime);
        Assert.Equal(5, observed.EnrolledAtCut);
        // Patient 2 (entry 1): 35.5 -> 41 is after its follow-up of 33 -> censored at the 31-month scan.
        // Patient 5 (entry 4): 30 months of follow-up -> last scan 27.
        Assert.Equal(new[] { 5.0, 8, 27, 31 }, observed.Time.ToArray());
        Assert.Equal(new[] { true, false, false, false }, observed.IsEvent.ToArray());
    }

    [Fact]
    public void Event_driven_cut_is_at_the_calendar_time_of_the_target_event()
    {
        var cohort = Cohort((0, 10, Inf, false), (5, 2, Inf, false), (6, 30, 20, false), (7, 4, Inf, false));
        var observed = new ObservedData(4);
        // Recorded event calendar times (continuous): 10, 7, never (drops out at 20 < 30), 11.
        DataCut.Cut(cohort, new AtEventCount(2, null), AssessmentSchedule.Continuous, Inf, observed);
        Assert.Equal(10, observed.CutTime);
        Assert.Equal(2, observed.Events);
        // Too few events ever: the cut is when the last of them is recorded.
        DataCut.Cut(cohort, new AtEventCount(9, null), AssessmentSchedule.Continuous, Inf, observed);
        Assert.Equal(11, observed.CutTime);
        Assert.Equal(3, observed.Events);
        // A calendar cap comes first.
        DataCut.Cut(cohort, new AtEventCount(3, 8.5), AssessmentSchedule.Continuous, Inf, observed);
        Assert.Equal(8.5, observed.CutTime);
        Assert.Equal(1, observed.Events);
    }

    [Fact]
    public void Patients_entering_after_a_calendar_cut_are_not_enrolled()
    {
        var cohort = Cohort((0, 50, Inf, false), (10, 50, Inf, false), (20, 50, Inf, false));
        var observed = new ObservedData(3);
        DataCut.Cut(cohort, new AtCalendarTime(15), AssessmentSchedule.Continuous, Inf, observed);
        Assert.Equal(2, observed.EnrolledAtCut);
        Assert.Equal(new[] { 5.0, 15 }, observed.Time.ToArray());
    }

    [Fact]
    public void Follow_up_limit_censors_at_the_limit()
    {
        var cohort = Cohort((0, 70, Inf, false), (0, 55, Inf, false));
        var observed = new ObservedData(2);
        DataCut.Cut(cohort, new AtCalendarTime(100), AssessmentSchedule.Continuous, 60, observed);
        Assert.Equal(new[] { 55.0, 60 }, observed.Time.ToArray());
        Assert.Equal(new[] { true, false }, observed.IsEvent.ToArray());
    }
}

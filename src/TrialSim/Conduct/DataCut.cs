using TrialSim.Cohorts;

namespace TrialSim.Conduct;

/// <summary>
/// Cuts a cohort's data for analysis: finds the calendar cut time the design asks for, then
/// records each analysed patient's follow-up time and status at that cut.
/// </summary>
public static class DataCut
{
    /// <summary>Cuts <paramref name="cohort"/> and fills <paramref name="observed"/> (sorted by time).</summary>
    /// <param name="maxFollowUp">Per-patient follow-up limit in months, or +infinity.</param>
    public static void Cut(Cohort cohort, AnalysisTime analysisTime, AssessmentSchedule schedule, double maxFollowUp, ObservedData observed)
    {
        double cutTime = FindCutTime(cohort, analysisTime, schedule, maxFollowUp, observed.Scratch);
        observed.Clear();
        observed.CutTime = cutTime;
        int enrolledAtCut = 0;
        // Entries are in calendar order; enrolment stops at the (final) analysis.
        for (int i = 0; i < cohort.Enrolled && cohort.Entry[i] <= cutTime; i++)
        {
            enrolledAtCut++;
            if (cohort.Ineligible[i]) continue;
            double entry = cohort.Entry[i];
            double followUpLimit = Math.Min(maxFollowUp, cohort.Dropout[i]);
            double recorded = PatientObservation.RecordedEventTime(cohort.Progression[i], cohort.Death[i], schedule);
            var (time, isEvent) = PatientObservation.Observe(entry, recorded, followUpLimit, cutTime, schedule);
            observed.Add(time, isEvent);
        }
        observed.EnrolledAtCut = enrolledAtCut;
        observed.SortByTime();
    }

    /// <summary>Calendar time of the cut (months from the opening of enrolment).</summary>
    public static double FindCutTime(Cohort cohort, AnalysisTime analysisTime, AssessmentSchedule schedule, double maxFollowUp, double[] scratch) =>
        analysisTime switch
        {
            AfterLastPatient a => cohort.LastEntry + a.FollowUp,
            AtCalendarTime c => c.Time,
            AtEventCount e => EventDrivenCutTime(cohort, e, schedule, maxFollowUp, scratch),
            _ => throw new NotSupportedException(analysisTime.GetType().Name),
        };

    /// <summary>
    /// The calendar time of the target-th recorded event, found by selection (no full sort). When
    /// fewer events can ever be recorded, the time the last of them is recorded; with none at all,
    /// the end of enrolment. Capped by the design's maximum calendar time.
    /// </summary>
    private static double EventDrivenCutTime(Cohort cohort, AtEventCount design, AssessmentSchedule schedule, double maxFollowUp, double[] scratch)
    {
        int count = 0;
        for (int i = 0; i < cohort.Enrolled; i++)
        {
            if (cohort.Ineligible[i]) continue;
            double recorded = PatientObservation.RecordedEventTime(cohort.Progression[i], cohort.Death[i], schedule);
            if (recorded <= Math.Min(cohort.Dropout[i], maxFollowUp))
                scratch[count++] = cohort.Entry[i] + recorded;
        }
        double cap = design.MaxCalendarTime ?? double.PositiveInfinity;
        double time;
        if (count >= design.Events) time = Selection.Smallest(scratch.AsSpan(0, count), design.Events - 1);
        else if (count > 0) time = Selection.Largest(scratch.AsSpan(0, count));
        else time = double.IsPositiveInfinity(cap) ? cohort.AccrualEnd : cap;
        return Math.Min(time, cap);
    }
}

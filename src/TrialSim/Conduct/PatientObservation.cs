using System.Runtime.CompilerServices;
using TrialSim.Cohorts;

namespace TrialSim.Conduct;

/// <summary>
/// How one patient's true times turn into recorded data. Progression is recorded at the first
/// scan at or after it; death at its true time; whichever is recorded first is the PFS event. It is
/// seen only if it falls within the patient's follow-up (until dropout, the protocol's follow-up
/// limit and the data cut); otherwise the patient is censored at the last scan in follow-up.
/// </summary>
public static class PatientObservation
{
    /// <summary>Time from entry at which the PFS event would be recorded with unlimited follow-up.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double RecordedEventTime(double progression, double death, AssessmentSchedule schedule)
    {
        double seenProgression = double.IsPositiveInfinity(progression) ? progression : schedule.FirstVisitAtOrAfter(progression);
        return Math.Min(seenProgression, death);
    }

    /// <summary>
    /// Recorded (time from entry, event) at a data cut. The event counts when it is recorded within
    /// the patient's own follow-up limit (dropout, protocol limit) and by the cut; the cut is
    /// compared in calendar time, exactly as the event-driven cut time was found, so rounding in
    /// cut - entry can never drop the event that triggered the cut.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    /// <param name="administrativeFollowUp">Months from entry to the cut.</param>
    public static (double Time, bool IsEvent) Observe(double entry, double recordedEventTime, double followUpLimit, double cutTime, double administrativeFollowUp, AssessmentSchedule schedule)
    {
        if (recordedEventTime <= followUpLimit && entry + recordedEventTime <= cutTime) return (recordedEventTime, true);
        double followUpEnd = Math.Min(followUpLimit, administrativeFollowUp);
        return (Math.Max(0, schedule.LastVisitAtOrBefore(followUpEnd)), false);
    }
}

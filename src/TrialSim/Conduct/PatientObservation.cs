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

    /// <summary>Recorded (time, event) for a patient whose follow-up ends <paramref name="followUpEnd"/> months after entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Time, bool IsEvent) Observe(double recordedEventTime, double followUpEnd, AssessmentSchedule schedule)
    {
        if (recordedEventTime <= followUpEnd) return (recordedEventTime, true);
        return (Math.Max(0, schedule.LastVisitAtOrBefore(followUpEnd)), false);
    }
}

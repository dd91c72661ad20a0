using TrialSim.Cohorts;

namespace TrialSim.Conduct;

/// <summary>
/// When each patient's progression-free status at a landmark becomes known, and the first patients
/// (in order of entry) whose status will be known: the cohort of Simon's stages.
/// </summary>
public static class LandmarkStatus
{
    /// <summary>
    /// The first <paramref name="patients"/> analysed patients, in order of entry, whose status at
    /// <paramref name="landmark"/> becomes known within their follow-up limit (patients lost before
    /// that are passed over, as a replaced dropout would be). Status is known at a recorded event by
    /// the landmark (a failure), or else at the first scan at or after it, or at an event recorded
    /// before that scan (a success).
    /// </summary>
    /// <param name="lastKnown">Calendar time the last of them is known (the look time).</param>
    /// <returns>How many such patients there are (at most <paramref name="patients"/>).</returns>
    public static int FirstEvaluable(Cohort cohort, int patients, double landmark, AssessmentSchedule schedule, double maxFollowUp,
        out int successes, out double lastKnown)
    {
        double firstVisitAfter = schedule.FirstVisitAtOrAfter(landmark);
        int found = 0;
        successes = 0;
        lastKnown = double.NegativeInfinity;
        for (int i = 0; i < cohort.Enrolled && found < patients; i++)
        {
            if (cohort.Ineligible[i]) continue;
            double recorded = PatientObservation.RecordedEventTime(cohort.Progression[i], cohort.Death[i], schedule);
            bool failure = recorded <= landmark;
            double known = failure ? recorded : Math.Min(recorded, firstVisitAfter);
            if (!(known <= Math.Min(cohort.Dropout[i], maxFollowUp))) continue;
            found++;
            if (!failure) successes++;
            lastKnown = Math.Max(lastKnown, cohort.Entry[i] + known);
        }
        return found;
    }
}

using TrialSim.Distributions;
using TrialSim.Running;

namespace TrialSim.Cohorts;

/// <summary>
/// Draws one cohort: Poisson arrivals from the accrual intensity until the target is met or
/// enrolment closes, and for each patient eligibility, progression, death and dropout times.
/// </summary>
/// <remarks>
/// Arrivals come from the trial-level substream; each patient's own draws come from that patient's
/// substream, always in the same order and always all of them (even for an absent model), so a
/// patient's times do not change when the sample size, accrual or another model changes.
/// </remarks>
public static class CohortGenerator
{
    public static void Generate(
        Cohort cohort,
        Accrual accrual,
        EventTimeModel progression,
        EventTimeModel? death,
        EventTimeModel? dropout,
        RandomStream replicateStream)
    {
        int target = Math.Min(accrual.TargetSampleSize, cohort.Capacity);
        double closeAt = accrual.MaxDuration ?? double.PositiveInfinity;
        var arrivals = replicateStream.ForPatient(RandomStream.TrialLevel);
        double cumulativeIntensity = 0, lastEntry = 0;
        int enrolled = 0;
        bool closedShort = false;
        while (enrolled < target)
        {
            cumulativeIntensity += arrivals.NextStandardExponential();
            double entry = accrual.Rate.InverseCumulative(cumulativeIntensity);
            if (entry > closeAt || double.IsPositiveInfinity(entry))
            {
                closedShort = true;
                break;
            }
            var patient = replicateStream.ForPatient((uint)enrolled);
            double uIneligible = patient.NextOpenUnit();
            double uProgression = patient.NextOpenUnit();
            double uDeath = patient.NextOpenUnit();
            double uDropout = patient.NextOpenUnit();
            cohort.Entry[enrolled] = entry;
            cohort.Ineligible[enrolled] = uIneligible < accrual.IneligibleFraction;
            cohort.Progression[enrolled] = progression.InverseSurvival(uProgression);
            cohort.Death[enrolled] = death?.InverseSurvival(uDeath) ?? double.PositiveInfinity;
            cohort.Dropout[enrolled] = dropout?.InverseSurvival(uDropout) ?? double.PositiveInfinity;
            lastEntry = entry;
            enrolled++;
        }
        cohort.Enrolled = enrolled;
        cohort.LastEntry = lastEntry;
        cohort.ClosedShort = closedShort;
        cohort.AccrualEnd = closedShort && !double.IsPositiveInfinity(closeAt) ? closeAt : lastEntry;
    }
}

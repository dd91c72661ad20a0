using TrialSim.Running;
using TrialSim.Scenarios;

namespace TrialSim.Cohorts;

/// <summary>
/// Draws one cohort: Poisson arrivals from the accrual intensity until the target is met or
/// enrolment closes; for each patient eligibility, stratum, arm, and the true event times.
/// </summary>
/// <remarks>
/// Arrivals come from the trial-level substream, permuted blocks from per-stratum substreams, and
/// each patient's own draws from that patient's substream, each in a fixed slot. So a patient's
/// times do not change when the sample size, accrual, or an unused model changes: common random
/// numbers across scenario points.
/// </remarks>
public static class CohortGenerator
{
    // Uniform slots in a patient's substream (two per Philox block): the draws every design makes
    // come first and share two blocks; the rest are computed only when a scenario uses them.
    private const int SlotIneligible = 0, SlotProgression = 1, SlotDeath = 2, SlotDropout = 3, SlotStratum = 4, SlotArm = 5,
        SlotToxicityStop = 6, SlotProgressionAfterStop = 7, SlotResponse = 8, SlotSecondProgression = 9;

    public static void Generate(Cohort cohort, Scenario scenario, TruthPoint truth, BlockRandomiser randomiser, RandomStream replicateStream)
    {
        var accrual = scenario.Accrual;
        var strata = scenario.Strata;
        var blocks = scenario.Randomisation as PermutedBlockRandomisation;
        bool singleArm = scenario.Arms.Length == 1;
        bool needsSecondBlock = scenario.Dropout is not null;
        foreach (var arm in truth.Arms) needsSecondBlock |= arm.Death is not null;
        int target = Math.Min(accrual.TargetSampleSize, cohort.Capacity);
        double closeAt = accrual.MaxDuration ?? double.PositiveInfinity;
        var arrivals = replicateStream.ForPatient(RandomStream.TrialLevel);
        randomiser.Reset(replicateStream);
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
            int i = enrolled;
            cohort.Entry[i] = entry;
            // Slots 0-1 share the first Philox block; slots 2-3 (death, dropout) the second, computed
            // only when a scenario has those models. The slots never move, so common random numbers hold.
            patient.SkipTo(SlotIneligible);
            double uIneligible = patient.NextOpenUnit();
            double uProgression = patient.NextOpenUnit();
            double uDeath = 0, uDropout = 0;
            if (needsSecondBlock)
            {
                uDeath = patient.NextOpenUnit();
                uDropout = patient.NextOpenUnit();
            }
            cohort.Ineligible[i] = uIneligible < accrual.IneligibleFraction;
            int stratum = 0;
            if (strata.Count > 1)
            {
                patient.SkipTo(SlotStratum);
                stratum = strata.Draw(patient.NextOpenUnit());
            }
            cohort.Stratum[i] = (byte)stratum;
            byte arm = 0;
            if (!singleArm)
            {
                if (blocks is not null) arm = randomiser.Next(stratum, blocks);
                else
                {
                    patient.SkipTo(SlotArm);
                    arm = randomiser.Simple(patient.NextOpenUnit());
                }
            }
            cohort.Arm[i] = arm;
            DrawTimes(cohort, i, truth, truth.Arms[arm], strata.HazardMultipliers[stratum], scenario, uProgression, uDeath, uDropout, ref patient);
            lastEntry = entry;
            enrolled++;
        }
        cohort.Enrolled = enrolled;
        cohort.LastEntry = lastEntry;
        cohort.ClosedShort = closedShort;
        cohort.AccrualEnd = closedShort && !double.IsPositiveInfinity(closeAt) ? closeAt : lastEntry;
    }

    private static void DrawTimes(Cohort cohort, int i, TruthPoint truth, ArmTruth arm, double hazardMultiplier, Scenario scenario,
        double uProgression, double uDeath, double uDropout, ref RandomStream patient)
    {
        double progression = arm.Progression.InverseSurvival(Scaled(uProgression, hazardMultiplier));
        double offDrugFrom = arm.Rechallenge is null ? double.PositiveInfinity : 0;
        cohort.Death[i] = arm.Death?.InverseSurvival(uDeath) ?? double.PositiveInfinity;
        cohort.Dropout[i] = scenario.Dropout?.InverseSurvival(uDropout) ?? double.PositiveInfinity;
        if (arm.Switch is { } change)
        {
            patient.SkipTo(SlotToxicityStop);
            double stop = change.TimeToStop.InverseSurvival(patient.NextOpenUnit());
            if (stop < progression)
            {
                // Off the drug from the stop; progression now follows the other arm's model from there.
                double after = truth.Arms[change.ToArm].Progression.InverseSurvival(Scaled(patient.NextOpenUnit(), hazardMultiplier));
                progression = stop + after;
                offDrugFrom = stop;
            }
        }
        cohort.Progression[i] = progression;
        cohort.OffDrugFrom[i] = offDrugFrom;
        if (arm.Rechallenge is { } restart)
        {
            patient.SkipTo(SlotResponse);
            bool responds = patient.NextOpenUnit() < restart.ResponseProbability;
            cohort.RespondsToRestart[i] = responds;
            cohort.SecondProgression[i] = responds ? restart.ProgressionAfterRestart.InverseSurvival(patient.NextOpenUnit()) : 0;
        }
        else
        {
            cohort.RespondsToRestart[i] = false;
            cohort.SecondProgression[i] = double.PositiveInfinity;
        }
    }

    /// <summary>A hazard multiplier m turns S into S^m, so inversion uses u^(1/m).</summary>
    private static double Scaled(double uniform, double hazardMultiplier) =>
        hazardMultiplier == 1 ? uniform : Math.Pow(uniform, 1 / hazardMultiplier);
}

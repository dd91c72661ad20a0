using TrialSim.Distributions;
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
/// numbers across scenario points. The arrival gaps and the patients' first uniforms are drawn in
/// bulk (<see cref="RandomStream.NextOpenUnits"/>, <see cref="RandomStream.PatientUniformPairs"/>),
/// four Philox blocks per vector step, which gives the same numbers as drawing them one at a time.
/// </remarks>
public static class CohortGenerator
{
    // Uniform slots in a patient's substream (two per Philox block): the draws every design makes
    // come first and share two blocks; the rest are computed only when a scenario uses them.
    private const int SlotIneligible = 0, SlotProgression = 1, SlotDeath = 2, SlotDropout = 3, SlotStratum = 4, SlotArm = 5,
        SlotToxicityStop = 6, SlotProgressionAfterStop = 7, SlotResponse = 8, SlotSecondProgression = 9;

    /// <summary>Patients whose first uniforms are drawn together (<see cref="RandomStream.PatientUniformPairs"/>):
    /// small enough for the stack, large enough that the vector kernel runs whole.</summary>
    private const int Chunk = 64;

    public static void Generate(Cohort cohort, Scenario scenario, TruthPoint truth, BlockRandomiser randomiser, RandomStream replicateStream)
    {
        var accrual = scenario.Accrual;
        var strata = scenario.Strata;
        var blocks = scenario.Randomisation as PermutedBlockRandomisation;
        bool singleArm = scenario.Arms.Length == 1;
        bool needsSecondBlock = scenario.Dropout is not null;
        foreach (var arm in truth.Arms) needsSecondBlock |= arm.Death is not null;
        // Per arm, the rate of an exponential progression in a design with nothing else to draw:
        // then a patient's times are one division, and the arrays of what never happens are filled
        // in bulk. NaN: the arm needs DrawTimes.
        Span<double> exponentialRate = stackalloc double[truth.Arms.Length];
        bool allExponential = !needsSecondBlock && AllHazardMultipliersOne(strata);
        for (int a = 0; a < truth.Arms.Length; a++)
        {
            var arm = truth.Arms[a];
            bool exponential = arm.Progression is ExponentialModel && arm.Switch is null && arm.Rechallenge is null;
            exponentialRate[a] = exponential ? ((ExponentialModel)arm.Progression).Rate : double.NaN;
            allExponential &= exponential;
        }
        int target = Math.Min(accrual.TargetSampleSize, cohort.Capacity);
        double closeAt = accrual.MaxDuration ?? double.PositiveInfinity;
        randomiser.Reset(replicateStream);
        int enrolled = Arrive(cohort, accrual, target, closeAt, replicateStream.ForPatient(RandomStream.TrialLevel), out bool closedShort);

        Span<double> uIneligible = stackalloc double[Chunk], uProgression = stackalloc double[Chunk];
        Span<double> uDeath = stackalloc double[Chunk], uDropout = stackalloc double[Chunk], rateOf = stackalloc double[Chunk];
        double ineligibleFraction = accrual.IneligibleFraction;
        for (int first = 0; first < enrolled; first += Chunk)
        {
            int count = Math.Min(Chunk, enrolled - first);
            // Slots 0-1 share the first Philox block of each patient's substream; slots 2-3 (death,
            // dropout) the second, computed only when a scenario has those models. The slots never
            // move, so common random numbers hold.
            replicateStream.PatientUniformPairs(SlotIneligible, (uint)first, uIneligible[..count], uProgression[..count]);
            if (needsSecondBlock) replicateStream.PatientUniformPairs(SlotDeath, (uint)first, uDeath[..count], uDropout[..count]);
            var ineligible = cohort.Ineligible.AsSpan(first, count);
            var stratumOf = cohort.Stratum.AsSpan(first, count);
            var armOf = cohort.Arm.AsSpan(first, count);
            for (int j = 0; j < count; j++) ineligible[j] = uIneligible[j] < ineligibleFraction;
            if (strata.Count == 1 && (singleArm || blocks is not null))
            {
                // One stratum: the arms are the next run of blocks (or the one arm), taken whole.
                stratumOf.Clear();
                if (singleArm) armOf.Clear();
                else randomiser.NextArms(0, blocks!, armOf);
            }
            else
            {
                for (int j = 0; j < count; j++)
                {
                    int i = first + j;
                    int stratum = 0;
                    if (strata.Count > 1)
                    {
                        var patient = replicateStream.ForPatient((uint)i);
                        patient.SkipTo(SlotStratum);
                        stratum = strata.Draw(patient.NextOpenUnit());
                    }
                    stratumOf[j] = (byte)stratum;
                    byte arm = 0;
                    if (!singleArm)
                    {
                        if (blocks is not null) arm = randomiser.Next(stratum, blocks);
                        else
                        {
                            var patient = replicateStream.ForPatient((uint)i);
                            patient.SkipTo(SlotArm);
                            arm = randomiser.Simple(patient.NextOpenUnit());
                        }
                    }
                    armOf[j] = arm;
                }
            }
            if (allExponential)
            {
                // ExponentialModel.InverseSurvival's -log(u) / rate, with the vectorised logarithm.
                for (int j = 0; j < count; j++) rateOf[j] = exponentialRate[armOf[j]];
                StandardExponential.FromUniforms(uProgression[..count], rateOf[..count], cohort.Progression.AsSpan(first, count));
                continue;
            }
            for (int j = 0; j < count; j++)
            {
                int i = first + j;
                var patient = replicateStream.ForPatient((uint)i);
                DrawTimes(cohort, i, truth, truth.Arms[armOf[j]], strata.HazardMultipliers[stratumOf[j]], scenario,
                    uProgression[j], needsSecondBlock ? uDeath[j] : 0, needsSecondBlock ? uDropout[j] : 0, ref patient);
            }
        }
        if (allExponential)
        {
            // What DrawTimes would write for each patient of such a design: nothing ever happens.
            cohort.Death.AsSpan(0, enrolled).Fill(double.PositiveInfinity);
            cohort.Dropout.AsSpan(0, enrolled).Fill(double.PositiveInfinity);
            cohort.OffDrugFrom.AsSpan(0, enrolled).Fill(double.PositiveInfinity);
            cohort.RespondsToRestart.AsSpan(0, enrolled).Clear();
            cohort.SecondProgression.AsSpan(0, enrolled).Fill(double.PositiveInfinity);
        }
        double lastEntry = enrolled > 0 ? cohort.Entry[enrolled - 1] : 0;
        cohort.Enrolled = enrolled;
        cohort.LastEntry = lastEntry;
        cohort.ClosedShort = closedShort;
        cohort.AccrualEnd = closedShort && !double.IsPositiveInfinity(closeAt) ? closeAt : lastEntry;
    }

    private static bool AllHazardMultipliersOne(Strata strata)
    {
        foreach (double multiplier in strata.HazardMultipliers) if (multiplier != 1) return false;
        return true;
    }

    /// <summary>
    /// Entry times by Poisson arrivals: standard exponential gaps on the cumulative intensity,
    /// inverted to calendar time, until the target is met or an arrival falls after the closing
    /// time (or never comes). Returns the number enrolled.
    /// </summary>
    private static int Arrive(Cohort cohort, Accrual accrual, int target, double closeAt, RandomStream arrivals, out bool closedShort)
    {
        // Every uniform the loop could use is drawn up front, into the entry times it becomes.
        var entries = cohort.Entry.AsSpan(0, target);
        arrivals.NextOpenUnits(entries);
        // The gaps first, all at once (vectorised logarithm); then the running sum.
        StandardExponential.FromUniforms(entries, entries);
        double cumulativeIntensity = 0;
        int piece = 0;
        for (int i = 0; i < entries.Length; i++)
        {
            cumulativeIntensity += entries[i];
            double entry = accrual.Rate.InverseCumulative(cumulativeIntensity, ref piece);
            if (entry > closeAt || double.IsPositiveInfinity(entry))
            {
                closedShort = true;
                return i;
            }
            entries[i] = entry;
        }
        closedShort = false;
        return entries.Length;
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

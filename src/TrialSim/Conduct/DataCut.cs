using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TrialSim.Cohorts;

namespace TrialSim.Conduct;

/// <summary>
/// Cuts a cohort's data for analysis: finds the calendar cut time the design asks for, then
/// records each analysed patient's follow-up time and status at that cut.
/// </summary>
public static class DataCut
{
    /// <summary>Cuts <paramref name="cohort"/> and fills <paramref name="observed"/> (sorted by time, with per-arm tallies).</summary>
    /// <param name="maxFollowUp">Per-patient follow-up limit in months, or +infinity.</param>
    public static void Cut(Cohort cohort, AnalysisTime analysisTime, AssessmentSchedule schedule, double maxFollowUp, ObservedData observed)
    {
        var (anchor, offset) = FindCut(cohort, analysisTime, schedule, maxFollowUp, observed.Scratch);
        CutAt(cohort, anchor, offset, schedule, maxFollowUp, observed);
    }

    /// <summary>Cuts at calendar time <paramref name="anchor"/> + <paramref name="offset"/> (an interim look at a time already found).</summary>
    public static void CutAt(Cohort cohort, double anchor, double offset, AssessmentSchedule schedule, double maxFollowUp, ObservedData observed)
    {
        double cutTime = anchor + offset;
        observed.Clear();
        observed.CutTime = cutTime;
        // Entries are in calendar order; enrolment stops at the (final) analysis.
        var entries = cohort.Entry.AsSpan(0, cohort.Enrolled);
        int enrolledAtCut = 0;
        while (enrolledAtCut < entries.Length && entries[enrolledAtCut] <= cutTime) enrolledAtCut++;
        entries = entries[..enrolledAtCut];
        var armOf = cohort.Arm.AsSpan(0, entries.Length);
        var ineligible = cohort.Ineligible.AsSpan(0, entries.Length);
        var death = cohort.Death.AsSpan(0, entries.Length);
        var dropout = cohort.Dropout.AsSpan(0, entries.Length);
        var offDrugFrom = cohort.OffDrugFrom.AsSpan(0, entries.Length);
        var stratum = cohort.Stratum.AsSpan(0, entries.Length);
        // Every enrolled patient's time and status first (one pass of arithmetic, vectorised); when
        // everyone is analysed (the usual case) those are the rows as they stand, else the analysed
        // ones are picked out. The arms' tallies are counts over the same spans.
        bool everyoneAnalysed = MemoryMarshal.AsBytes(ineligible).IndexOfAnyExcept((byte)0) < 0;
        var time = everyoneAnalysed ? observed.RowTimes(entries.Length) : observed.PatientTimes(entries.Length);
        var isEvent = observed.PatientEvents(entries.Length);
        PatientObservation.ObserveAll(entries, cohort.Progression.AsSpan(0, entries.Length), death, dropout, maxFollowUp, anchor, offset, schedule, time, isEvent);
        var arms = observed.Arms;
        int events = TallyArms(arms, armOf, ineligible, isEvent);
        int analysed = 0;
        if (everyoneAnalysed)
        {
            observed.SetTags(isEvent, armOf, stratum);
            analysed = entries.Length;
        }
        else
        {
            var rows = observed.Rows(entries.Length);
            for (int i = 0; i < entries.Length; i++)
                if (!ineligible[i]) rows.Set(analysed++, time[i], isEvent[i], armOf[i], stratum[i]);
        }
        bool afterProgression = AnyFinite(death) || AnyFinite(offDrugFrom);
        // Nothing to tally for patients who never die nor come off the drug (most designs).
        if (afterProgression)
        {
            for (int i = 0; i < entries.Length; i++)
            {
                if (ineligible[i] || !(death[i] < double.PositiveInfinity || offDrugFrom[i] < double.PositiveInfinity)) continue;
                double followUpLimit = Math.Min(maxFollowUp, dropout[i]);
                // (anchor - entry) + offset: exactly the design's follow-up for the patient the cut is anchored on.
                double administrativeFollowUp = (anchor - entries[i]) + offset;
                TallyAfterProgression(cohort, i, entries[i], followUpLimit, cutTime, administrativeFollowUp, schedule, ref arms[armOf[i]]);
            }
        }
        observed.EnrolledAtCut = enrolledAtCut;
        observed.Commit(analysed, events);
    }

    /// <summary>
    /// Adds each arm's enrolled, analysed (eligible) and event counts; returns the events of all arms.
    /// Counted 32 patients a vector step per arm, as masks, with no branch on a patient's arm or status.
    /// </summary>
    private static int TallyArms(Span<ArmOutcome> arms, ReadOnlySpan<byte> armOf, ReadOnlySpan<bool> ineligible, ReadOnlySpan<bool> isEvent)
    {
        var excluded = MemoryMarshal.AsBytes(ineligible);
        var events = MemoryMarshal.AsBytes(isEvent);
        int n = armOf.Length, total = 0;
        for (int a = 0; a < arms.Length; a++)
        {
            int enrolled = 0, analysed = 0, armEvents = 0, i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var arm = Vector256.Create((byte)a);
                for (; i + 32 <= n; i += 32)
                {
                    var inArm = Vector256.Equals(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(armOf), (nuint)i), arm);
                    var analysedInArm = inArm & Vector256.Equals(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(excluded), (nuint)i), Vector256<byte>.Zero);
                    var eventInArm = analysedInArm & ~Vector256.Equals(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(events), (nuint)i), Vector256<byte>.Zero);
                    enrolled += BitOperations.PopCount(inArm.ExtractMostSignificantBits());
                    analysed += BitOperations.PopCount(analysedInArm.ExtractMostSignificantBits());
                    armEvents += BitOperations.PopCount(eventInArm.ExtractMostSignificantBits());
                }
            }
            for (; i < n; i++)
            {
                int inArm = armOf[i] == a ? 1 : 0;
                int analysedInArm = inArm & (ineligible[i] ? 0 : 1);
                enrolled += inArm;
                analysed += analysedInArm;
                armEvents += analysedInArm & (isEvent[i] ? 1 : 0);
            }
            arms[a].Enrolled += enrolled;
            arms[a].Analysed += analysed;
            arms[a].Events += armEvents;
            total += armEvents;
        }
        return total;
    }

    /// <summary>Whether any value is below +infinity (a death or a time off the drug that happens).</summary>
    private static bool AnyFinite(ReadOnlySpan<double> values)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var never = Vector256.Create(double.PositiveInfinity);
            for (; i + 4 <= values.Length; i += 4)
                if (Vector256.LessThanAny(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(values), (nuint)i), never)) return true;
        }
        for (; i < values.Length; i++) if (values[i] < double.PositiveInfinity) return true;
        return false;
    }

    /// <summary>
    /// Deaths (OS), time off the drug, rechallenge and PFS2 for one analysed patient. The drug is
    /// restarted when progression is seen at a scan; a responder's second progression is seen at
    /// the first scan after it, a non-responder's at the first scan after the restart.
    /// </summary>
    private static void TallyAfterProgression(Cohort cohort, int i, double entry, double followUpLimit, double cutTime, double administrativeFollowUp, AssessmentSchedule schedule, ref ArmOutcome arm)
    {
        double followUpEnd = Math.Min(followUpLimit, administrativeFollowUp);
        double death = cohort.Death[i];
        if (death <= followUpLimit && entry + death <= cutTime) arm.Deaths++;
        double offFrom = cohort.OffDrugFrom[i];
        if (double.IsPositiveInfinity(offFrom) || offFrom >= followUpEnd) return;
        double progression = cohort.Progression[i];
        double seen = double.IsPositiveInfinity(progression) ? progression : schedule.FirstVisitAtOrAfter(progression);
        bool restarted = seen <= followUpEnd && seen < death && !double.IsPositiveInfinity(cohort.SecondProgression[i]);
        arm.MonthsOffDrug += (restarted ? seen : Math.Min(followUpEnd, death)) - offFrom;
        if (!restarted) return;
        arm.Rechallenged++;
        double second;
        if (cohort.RespondsToRestart[i])
        {
            arm.Responded++;
            second = schedule.FirstVisitAtOrAfter(seen + cohort.SecondProgression[i]);
        }
        else second = schedule.IsContinuous ? seen : schedule.FirstVisitAtOrAfter(Math.BitIncrement(seen));
        if (second <= followUpEnd) arm.SecondProgressions++;
    }

    /// <summary>Calendar time of the cut (months from the opening of enrolment).</summary>
    public static double FindCutTime(Cohort cohort, AnalysisTime analysisTime, AssessmentSchedule schedule, double maxFollowUp, double[] scratch)
    {
        var (anchor, offset) = FindCut(cohort, analysisTime, schedule, maxFollowUp, scratch);
        return anchor + offset;
    }

    /// <summary>The cut as an anchor calendar time plus an offset, so that follow-up measured from
    /// the anchoring patient is exact: (last entry + 36) - last entry need not be 36 in floating point.</summary>
    public static (double Anchor, double Offset) FindCut(Cohort cohort, AnalysisTime analysisTime, AssessmentSchedule schedule, double maxFollowUp, double[] scratch) =>
        analysisTime switch
        {
            AfterLastPatient a => (cohort.LastEntry, a.FollowUp),
            AtCalendarTime c => (c.Time, 0),
            AtEventCount e => (EventDrivenCutTime(cohort, e, schedule, maxFollowUp, scratch), 0),
            AtEnrolment n => (n.Patients <= cohort.Enrolled ? cohort.Entry[n.Patients - 1] : double.PositiveInfinity, 0),
            AtEvaluable v => (EvaluableCutTime(cohort, v, schedule, maxFollowUp), 0),
            // Resolved to an event count by the simulation plan before any cut.
            _ => throw new NotSupportedException(analysisTime.GetType().Name),
        };

    /// <summary>
    /// When the first target analysed patients (in order of entry) with a knowable status at the
    /// landmark all have it (<see cref="LandmarkStatus.FirstEvaluable"/>); if fewer ever will, when
    /// the last of them does; with none, the end of enrolment.
    /// </summary>
    private static double EvaluableCutTime(Cohort cohort, AtEvaluable design, AssessmentSchedule schedule, double maxFollowUp)
    {
        int found = LandmarkStatus.FirstEvaluable(cohort, design.Patients, design.Landmark, schedule, maxFollowUp, out _, out double lastKnown);
        return found > 0 ? lastKnown : cohort.AccrualEnd;
    }

    /// <summary>
    /// The calendar time of the target-th recorded event, found by selection (no full sort). When
    /// fewer events can ever be recorded, the time the last of them is recorded; with none at all,
    /// the end of enrolment. Capped by the design's maximum calendar time.
    /// </summary>
    private static double EventDrivenCutTime(Cohort cohort, AtEventCount design, AssessmentSchedule schedule, double maxFollowUp, double[] scratch)
    {
        int n = cohort.Enrolled;
        // Patients without a recordable event sit at +infinity, after every recordable one, so the
        // target-th smallest of all is that of the recordable events whenever there are enough.
        var calendar = scratch.AsSpan(0, n);
        int count = PatientObservation.EventCalendarTimes(cohort.Entry.AsSpan(0, n), cohort.Progression.AsSpan(0, n), cohort.Death.AsSpan(0, n),
            cohort.Dropout.AsSpan(0, n), cohort.Ineligible.AsSpan(0, n), maxFollowUp, schedule, calendar, out double latest);
        double cap = design.MaxCalendarTime ?? double.PositiveInfinity;
        double time;
        if (count >= design.Events) time = Selection.Smallest(calendar, design.Events - 1);
        else if (count > 0) time = latest;
        else time = double.IsPositiveInfinity(cap) ? cohort.AccrualEnd : cap;
        return Math.Min(time, cap);
    }
}

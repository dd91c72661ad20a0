using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
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
    /// <param name="administrativeFollowUp">Months from entry to the cut.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Time, bool IsEvent) Observe(double entry, double recordedEventTime, double followUpLimit, double cutTime, double administrativeFollowUp, AssessmentSchedule schedule)
    {
        if (recordedEventTime <= followUpLimit && entry + recordedEventTime <= cutTime) return (recordedEventTime, true);
        double followUpEnd = Math.Min(followUpLimit, administrativeFollowUp);
        return (Math.Max(0, schedule.LastVisitAtOrBefore(followUpEnd)), false);
    }

    /// <summary>
    /// For each patient, the calendar time (entry + <see cref="RecordedEventTime"/>) at which the PFS
    /// event is recorded if that falls within the patient's own follow-up limit (dropout,
    /// <paramref name="maxFollowUp"/>) and the patient is analysed; +infinity otherwise. Under
    /// continuous observation four patients a vector step, with no branch on the random outcome.
    /// </summary>
    /// <param name="latest">The latest of the recordable times (-infinity when there are none).</param>
    /// <returns>How many patients' events are recordable (one that never happens, at +infinity,
    /// counts when no limit stops it).</returns>
    public static int EventCalendarTimes(ReadOnlySpan<double> entry, ReadOnlySpan<double> progression, ReadOnlySpan<double> death,
        ReadOnlySpan<double> dropout, ReadOnlySpan<bool> ineligible, double maxFollowUp, AssessmentSchedule schedule,
        Span<double> calendar, out double latest)
    {
        int n = entry.Length;
        if (progression.Length < n || death.Length < n || dropout.Length < n || ineligible.Length < n || calendar.Length < n)
            throw new ArgumentException("every span must hold a value per entry");
        int count = 0;
        latest = double.NegativeInfinity;
        int i = 0;
        if (schedule.IsContinuous && Avx2.IsSupported)
        {
            var limitCap = Vector256.Create(maxFollowUp);
            var never = Vector256.Create(double.PositiveInfinity);
            var latestSoFar = Vector256.Create(double.NegativeInfinity);
            ref byte flags = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetReference(ineligible));
            for (; i + 4 <= n; i += 4)
            {
                var recorded = Vector256.Min(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(progression), (nuint)i),
                    Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(death), (nuint)i));
                var followUpLimit = Vector256.Min(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(dropout), (nuint)i), limitCap);
                // Four flag bytes widened to four 64-bit lanes: all ones for an analysed patient.
                var analysed = Vector256.Equals(Avx2.ConvertToVector256Int64(Vector128.CreateScalar(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref flags, i))).AsByte()), Vector256<long>.Zero).AsDouble();
                var recordable = Vector256.LessThanOrEqual(recorded, followUpLimit) & analysed;
                var at = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(entry), (nuint)i) + recorded;
                Vector256.ConditionalSelect(recordable, at, never).StoreUnsafe(ref MemoryMarshal.GetReference(calendar), (nuint)i);
                latestSoFar = Vector256.Max(latestSoFar, Vector256.ConditionalSelect(recordable, at, Vector256.Create(double.NegativeInfinity)));
                count += BitOperations.PopCount(recordable.ExtractMostSignificantBits());
            }
            for (int lane = 0; lane < 4; lane++) latest = Math.Max(latest, latestSoFar[lane]);
        }
        for (; i < n; i++)
        {
            double recorded = RecordedEventTime(progression[i], death[i], schedule);
            bool recordable = !ineligible[i] && recorded <= Math.Min(dropout[i], maxFollowUp);
            calendar[i] = recordable ? entry[i] + recorded : double.PositiveInfinity;
            if (!recordable) continue;
            count++;
            latest = Math.Max(latest, calendar[i]);
        }
        return count;
    }

    /// <summary>
    /// <see cref="Observe"/> for many patients at once: patient i entered at <paramref name="entry"/>[i]
    /// with true times <paramref name="progression"/>[i], <paramref name="death"/>[i] and
    /// <paramref name="dropout"/>[i]; the cut is at <paramref name="anchor"/> + <paramref name="offset"/>.
    /// The same numbers as the one-patient functions (same operations in the same order); under
    /// continuous observation four patients a vector step, with no branch on whether a patient has
    /// the event (random from patient to patient, so a branch would often mispredict).
    /// </summary>
    public static void ObserveAll(ReadOnlySpan<double> entry, ReadOnlySpan<double> progression, ReadOnlySpan<double> death,
        ReadOnlySpan<double> dropout, double maxFollowUp, double anchor, double offset, AssessmentSchedule schedule,
        Span<double> time, Span<bool> isEvent)
    {
        int n = entry.Length;
        if (progression.Length < n || death.Length < n || dropout.Length < n || time.Length < n || isEvent.Length < n)
            throw new ArgumentException("every span must hold a value per entry");
        double cutTime = anchor + offset;
        int i = 0;
        if (schedule.IsContinuous && Vector256.IsHardwareAccelerated)
        {
            var limitCap = Vector256.Create(maxFollowUp);
            var anchorAt = Vector256.Create(anchor);
            var offsetBy = Vector256.Create(offset);
            var cut = Vector256.Create(cutTime);
            var zero = Vector256<double>.Zero;
            ref byte flags = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetReference(isEvent));
            for (; i + 4 <= n; i += 4)
            {
                var entered = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(entry), (nuint)i);
                var followUpLimit = Vector256.Min(limitCap, Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(dropout), (nuint)i));
                // RecordedEventTime under continuous observation: progression is seen when it happens.
                var recorded = Vector256.Min(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(progression), (nuint)i),
                    Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(death), (nuint)i));
                var administrativeFollowUp = (anchorAt - entered) + offsetBy;
                var events = Vector256.LessThanOrEqual(recorded, followUpLimit) & Vector256.LessThanOrEqual(entered + recorded, cut);
                var censored = Vector256.Max(zero, Vector256.Min(followUpLimit, administrativeFollowUp));
                Vector256.ConditionalSelect(events, recorded, censored).StoreUnsafe(ref MemoryMarshal.GetReference(time), (nuint)i);
                // One flag byte per patient from the four sign bits.
                uint bits = events.ExtractMostSignificantBits();
                uint bytes = (bits & 1) | ((bits & 2) << 7) | ((bits & 4) << 14) | ((bits & 8) << 21);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref flags, i), bytes);
            }
        }
        for (; i < n; i++)
        {
            double followUpLimit = Math.Min(maxFollowUp, dropout[i]);
            double recorded = RecordedEventTime(progression[i], death[i], schedule);
            (time[i], isEvent[i]) = Observe(entry[i], recorded, followUpLimit, cutTime, (anchor - entry[i]) + offset, schedule);
        }
    }
}

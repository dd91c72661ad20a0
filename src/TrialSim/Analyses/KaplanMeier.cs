namespace TrialSim.Analyses;

/// <summary>
/// The Kaplan-Meier (product-limit) estimator of the survival function, on data sorted by observed
/// time ascending: <c>sortedTime[i]</c> in months, <c>isEvent[i]</c> true for an event and false for a
/// censoring. The order of patients within tied times does not matter.
/// </summary>
/// <remarks>
/// Kaplan E.L., Meier P. (1958) "Nonparametric estimation from incomplete observations", JASA 53:457-481;
/// Greenwood M. (1926) "The natural duration of cancer". At a time with both events and censorings,
/// the events come first: patients censored at t are still at risk at t, the convention of R's survival
/// package. Nothing here allocates; the functions scan the spans once.
/// </remarks>
public static class KaplanMeier
{
    /// <summary>R's tolerance for a survival curve lying exactly on a quantile: sqrt(machine epsilon).</summary>
    private const double QuantileTolerance = 1.4901161193847656e-8;

    /// <summary>The Kaplan-Meier estimate of S(<paramref name="time"/>) = P(T &gt; time) and its Greenwood sum.</summary>
    /// <param name="sortedTime">Observed times (months), ascending.</param>
    /// <param name="isEvent">True for an event, false for a censoring, aligned with <paramref name="sortedTime"/>.</param>
    /// <param name="time">The time (months) at which to evaluate the curve; the curve is right-continuous,
    /// so events at exactly this time are included.</param>
    /// <remarks>
    /// S(t) = product over event times t_j &lt;= t of (1 - d_j / n_j), with n_j the patients whose observed
    /// time is at least t_j and d_j the events at t_j. Greenwood's sum is the sum of d_j / (n_j (n_j - d_j))
    /// over the same times; it is +infinity once the curve drops to 0. Beyond the largest observed time
    /// the last value is carried forward (as R's survfit does) and
    /// <see cref="KaplanMeierPoint.BeyondLastObservation"/> is set.
    /// </remarks>
    public static KaplanMeierPoint At(ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent, double time)
    {
        SpecChecks.RequireSameLength(sortedTime.Length, isEvent.Length);
        if (double.IsNaN(time)) throw new ArgumentOutOfRangeException(nameof(time), time, "time must not be NaN");
        return AtCore(sortedTime, isEvent, ReadOnlySpan<byte>.Empty, 0, time);
    }

    /// <summary>The Kaplan-Meier estimate of S(<paramref name="time"/>) for the patients whose group code is
    /// <paramref name="which"/>; everyone else is ignored.</summary>
    /// <param name="sortedTime">Observed times (months) of all patients, ascending.</param>
    /// <param name="isEvent">True for an event, false for a censoring, aligned with <paramref name="sortedTime"/>.</param>
    /// <param name="group">Group code per patient, aligned with <paramref name="sortedTime"/> (1 = experimental,
    /// 0 = control in the two-arm analyses).</param>
    /// <param name="which">The group whose curve is wanted.</param>
    /// <param name="time">The time (months) at which to evaluate the curve, events at this time included.</param>
    /// <remarks>The same estimate as <see cref="At(ReadOnlySpan{double}, ReadOnlySpan{bool}, double)"/> run on
    /// that group's patients alone (R's <c>survfit(Surv(time, status) ~ group)</c> stratum), without copying
    /// them out. With nobody in the group the point is S = 1, AtRisk = 0, beyond the last observation.</remarks>
    public static KaplanMeierPoint At(ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent, ReadOnlySpan<byte> group, byte which, double time)
    {
        SpecChecks.RequireSameLength(sortedTime.Length, isEvent.Length);
        SpecChecks.RequireGroupLength(sortedTime.Length, group.Length);
        if (double.IsNaN(time)) throw new ArgumentOutOfRangeException(nameof(time), time, "time must not be NaN");
        // A zero-length group span means "everyone" to the core; with no patients both readings agree.
        return AtCore(sortedTime, isEvent, group, which, time);
    }

    /// <summary>The one product-limit loop behind both overloads of <c>At</c>. An empty
    /// <paramref name="group"/> means every patient counts; otherwise only those coded <paramref name="which"/>.</summary>
    private static KaplanMeierPoint AtCore(ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent, ReadOnlySpan<byte> group, byte which, double time)
    {
        int n = sortedTime.Length;
        int members = CountMembers(group, which, n);
        double survival = 1.0, greenwoodSum = 0.0;
        int events = 0, seen = 0, observedBeforeTime = 0, start = 0;
        while (start < n && sortedTime[start] <= time)
        {
            int atRisk = members - seen;
            int end = GroupEnd(sortedTime, isEvent, group, which, start, reverse: false, out int tied, out int deaths);
            if (deaths > 0)
            {
                survival *= 1.0 - (double)deaths / atRisk;
                // deaths == atRisk divides by zero on purpose: the variance of log S is unbounded there.
                greenwoodSum += deaths / ((double)atRisk * (atRisk - deaths));
                events += deaths;
            }
            seen += tied;
            if (sortedTime[start] < time) observedBeforeTime = seen;
            start = end;
        }
        int atRiskAtTime = members - observedBeforeTime;
        // Nobody observed at or after the time is the same as the time lying past the last observation.
        return new KaplanMeierPoint(survival, greenwoodSum, atRiskAtTime, events, atRiskAtTime == 0);
    }

    /// <summary>Patients coded <paramref name="which"/>; all <paramref name="n"/> when <paramref name="group"/> is empty.</summary>
    internal static int CountMembers(ReadOnlySpan<byte> group, byte which, int n)
    {
        if (group.IsEmpty) return n;
        int members = 0;
        for (int i = 0; i < group.Length; i++)
        {
            if (group[i] == which) members++;
        }
        return members;
    }

    /// <summary>The Kaplan-Meier median survival time (months); +infinity when the curve stays above 0.5.</summary>
    /// <remarks>
    /// R's survfit rule (quantile.survfit): the smallest event time t with S(t) &lt;= 0.5. When the curve
    /// lies exactly at 0.5 (within sqrt(machine epsilon)) from an event time t_k on, the median is the
    /// midpoint of that flat stretch: (t_k + the next event time) / 2, or (t_k + the largest observed
    /// time) / 2 when no event follows.
    /// </remarks>
    public static double Median(ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent)
    {
        SpecChecks.RequireSameLength(sortedTime.Length, isEvent.Length);
        return MedianOf(sortedTime, isEvent, reverse: false);
    }

    /// <summary>The median follow-up time (months) by the reverse Kaplan-Meier method; +infinity when
    /// that curve stays above 0.5.</summary>
    /// <remarks>
    /// Schemper M., Smith T.L. (1996) "A note on quantifying follow-up in studies of failure time",
    /// Controlled Clinical Trials 17:343-346. The Kaplan-Meier median of the time to censoring: the
    /// censorings are the events and the events are censored at their times. Ties follow the same rule
    /// as <see cref="Median"/>: at a tied time the censorings (now the events) come first, so a patient
    /// with an event at t is still at risk of censoring at t. This is R's
    /// <c>survfit(Surv(time, 1 - status) ~ 1)</c>.
    /// </remarks>
    public static double MedianFollowUp(ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent)
    {
        SpecChecks.RequireSameLength(sortedTime.Length, isEvent.Length);
        return MedianOf(sortedTime, isEvent, reverse: true);
    }

    private static double MedianOf(ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent, bool reverse)
    {
        int n = sortedTime.Length;
        double survival = 1.0;
        double flatStart = double.NaN; // the event time from which the curve lies at exactly 0.5
        int start = 0;
        while (start < n)
        {
            int atRisk = n - start;
            double time = sortedTime[start];
            if (start + 1 < n && time < sortedTime[start + 1] && double.IsNaN(flatStart))
            {
                // A time of one patient, the common case. Whether that patient is a death is random, so
                // it enters as a 0/1 count rather than a branch: 1 - 0 / n is exactly 1, and a curve
                // left where it was cannot newly cross 0.5 (it would have at the death that brought it there).
                int death = isEvent[start] != reverse ? 1 : 0;
                survival *= 1.0 - (double)death / atRisk;
                start++;
                if (survival <= 0.5 + QuantileTolerance)
                {
                    if (Math.Abs(survival - 0.5) < QuantileTolerance) flatStart = time;
                    else return time;
                }
                continue;
            }
            int end = GroupEnd(sortedTime, isEvent, ReadOnlySpan<byte>.Empty, 0, start, reverse, out _, out int deaths);
            start = end;
            if (deaths == 0) continue;
            if (!double.IsNaN(flatStart)) return 0.5 * (flatStart + time);
            survival *= 1.0 - (double)deaths / atRisk;
            if (survival <= 0.5 + QuantileTolerance)
            {
                if (Math.Abs(survival - 0.5) < QuantileTolerance) flatStart = time;
                else return time;
            }
        }
        return double.IsNaN(flatStart) ? double.PositiveInfinity : 0.5 * (flatStart + sortedTime[n - 1]);
    }

    /// <summary>The end (exclusive) of the run of patients tied at sortedTime[start], counting the run's
    /// members of the group (everyone when <paramref name="group"/> is empty) and their events (their
    /// censorings when <paramref name="reverse"/>). The whole run is scanned, members or not, so the
    /// ascending check covers every patient.</summary>
    internal static int GroupEnd(ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent, ReadOnlySpan<byte> group, byte which,
        int start, bool reverse, out int members, out int events)
    {
        double time = sortedTime[start];
        if (double.IsNaN(time)) throw new ArgumentException("sortedTime must not contain NaN", nameof(sortedTime));
        bool everyone = group.IsEmpty;
        int end = start;
        members = 0;
        events = 0;
        while (end < sortedTime.Length && sortedTime[end] == time)
        {
            if (everyone || group[end] == which)
            {
                members++;
                if (isEvent[end] != reverse) events++;
            }
            end++;
        }
        // Only the stretch scanned is checked; sorting is the caller's contract.
        if (end < sortedTime.Length && !(sortedTime[end] > time))
            throw new ArgumentException($"sortedTime must be ascending, but entry {end} ({sortedTime[end]}) follows {time}", nameof(sortedTime));
        return end;
    }
}

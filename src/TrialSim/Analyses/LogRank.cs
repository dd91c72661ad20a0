using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TrialSim.Analyses;

/// <summary>
/// The two-arm log-rank statistic, optionally stratified, with ties handled exactly as R's
/// <c>survival::survdiff</c>.
/// </summary>
/// <remarks>
/// Mantel N. (1966) "Evaluation of survival data and two new rank order statistics arising in its
/// consideration", Cancer Chemotherapy Reports 50:163-170; Peto R., Peto J. (1972) "Asymptotically
/// efficient rank invariant test procedures", JRSS A 135:185-207. At each distinct event time t_j
/// (within a stratum) with n_j patients at risk (observed time at least t_j, so censorings tied with
/// events are at risk), n1j of them experimental, and d_j events:
/// E1 = sum d_j n1j / n_j and V = sum d_j (n1j / n_j)(1 - n1j / n_j)(n_j - d_j) / (n_j - 1), the
/// hypergeometric variance (the term is 0 when n_j = 1). A stratified statistic sums O1, E1 and V over
/// strata. One pass over the data, no allocation.
/// </remarks>
public static class LogRank
{
    /// <summary>Computes O1, E1 and V for the experimental arm.</summary>
    /// <param name="sortedTime">Observed times (months), ascending over all patients.</param>
    /// <param name="isEvent">True for an event, false for a censoring.</param>
    /// <param name="group">1 = experimental, 0 = control, any other value = not in this comparison (skipped).</param>
    /// <param name="stratum">Stratum code 0 .. <paramref name="strata"/> - 1 per patient; not read (may be
    /// empty) when <paramref name="strata"/> is 1.</param>
    /// <param name="strata">Number of strata, 1 (unstratified) to 64.</param>
    /// <exception cref="ArgumentException">Lengths differ, or times are NaN or not ascending.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="strata"/> out of range, or a
    /// stratum code of a patient in the comparison is at least <paramref name="strata"/>.</exception>
    public static LogRankStatistic Compute(ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent,
        ReadOnlySpan<byte> group, ReadOnlySpan<byte> stratum, int strata)
    {
        TwoArmSurvivalInput.Validate(sortedTime, isEvent, group, stratum, strata, out int analysed, out int events);
        if (strata == 1) return Unstratified(sortedTime, isEvent, group, analysed, events);

        Span<int> workspace = stackalloc int[RiskSetScan.WorkspaceLength(strata)];
        var scan = new RiskSetScan(sortedTime, isEvent, group, stratum, strata, workspace);
        double observed = 0, expected = 0, variance = 0;
        while (scan.MoveNext(out RiskSetAtEventTime at))
        {
            int atRisk = at.AtRisk, deaths = at.Deaths;
            double share = (double)at.AtRiskExperimental / atRisk;
            observed += at.DeathsExperimental;
            expected += deaths * share;
            // n_j = 1: one patient, no variability in which arm the event falls; survdiff adds 0.
            if (atRisk > 1) variance += deaths * share * (1.0 - share) * (atRisk - deaths) / (atRisk - 1.0);
        }
        return new LogRankStatistic(observed, expected, variance, events, analysed);
    }

    /// <summary>Risk sets held per distinct event time before the sums are taken: 4 ints each.</summary>
    private const int RiskSetBatch = 128;

    /// <summary>
    /// The unstratified statistic in two passes, the same numbers as the <see cref="RiskSetScan"/>
    /// loop (same terms, summed in the same order, latest time first). The first pass walks the
    /// patients from the largest time down with running counts and no branch on the data: a patient's
    /// arm and event status are random, so branching on them mispredicts about every other patient.
    /// At the first patient of each run of tied times it writes the risk set there, and moves its
    /// cursor past it only when the run has events. The second pass takes the sums over those
    /// (about one per event) risk sets.
    /// </summary>
    private static LogRankStatistic Unstratified(ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent,
        ReadOnlySpan<byte> group, int analysed, int events)
    {
        Span<int> riskSets = stackalloc int[4 * RiskSetBatch];
        // Flags as 0/1 integers (x ? 1 : 0 compiles to a set-on-condition), never as branches.
        var eventFlags = MemoryMarshal.AsBytes(isEvent);
        int cursor = 0;
        int atRisk = 0, atRiskExperimental = 0, deaths = 0, deathsExperimental = 0;
        double observed = 0, expected = 0, variance = 0;
        for (int i = sortedTime.Length - 1; i >= 0; i--)
        {
            int code = group[i];
            int compared = code <= 1 ? 1 : 0;
            int experimental = code == 1 ? 1 : 0;
            int death = compared & (eventFlags[i] != 0 ? 1 : 0);
            atRisk += compared;
            atRiskExperimental += experimental;
            deaths += death;
            deathsExperimental += death & experimental;
            int runStarts = i == 0 ? 1 : sortedTime[i - 1] != sortedTime[i] ? 1 : 0;
            ref int slot = ref riskSets[4 * cursor];
            slot = atRisk;
            Unsafe.Add(ref slot, 1) = atRiskExperimental;
            Unsafe.Add(ref slot, 2) = deaths;
            Unsafe.Add(ref slot, 3) = deathsExperimental;
            cursor += runStarts & (deaths > 0 ? 1 : 0);
            int keep = runStarts - 1; // 0 at a run's first patient: deaths count within one run of tied times
            deaths &= keep;
            deathsExperimental &= keep;
            if (cursor == RiskSetBatch)
            {
                Sum(riskSets, ref observed, ref expected, ref variance);
                cursor = 0;
            }
        }
        Sum(riskSets[..(4 * cursor)], ref observed, ref expected, ref variance);
        return new LogRankStatistic(observed, expected, variance, events, analysed);
    }

    /// <summary>Adds the terms of risk sets written by <see cref="Unstratified"/> (at risk, of them
    /// experimental, deaths, of them experimental), in order.</summary>
    private static void Sum(ReadOnlySpan<int> riskSets, ref double observed, ref double expected, ref double variance)
    {
        for (int k = 0; k < riskSets.Length; k += 4)
        {
            int atRisk = riskSets[k], deaths = riskSets[k + 2];
            double share = (double)riskSets[k + 1] / atRisk;
            observed += riskSets[k + 3];
            expected += deaths * share;
            if (atRisk > 1) variance += deaths * share * (1.0 - share) * (atRisk - deaths) / (atRisk - 1.0);
        }
    }
}

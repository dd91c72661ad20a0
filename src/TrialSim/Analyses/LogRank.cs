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
}

namespace TrialSim.Analyses;

/// <summary>
/// Walks the data from the largest time down and yields, for every (distinct event time, stratum)
/// pair, the risk set and the tied events there (<see cref="RiskSetAtEventTime"/>). Allocation-free:
/// the per-stratum counts live in a caller-provided workspace (stack-allocated by the callers).
/// </summary>
/// <remarks>
/// Going backwards, the risk set at time t (patients with observed time at least t) is exactly the
/// patients absorbed so far, once every patient tied at t has been absorbed; so one pass with
/// running counts per stratum and arm serves interleaved strata, and censorings tied with events
/// are at risk, as in R's survival package. Within one time the pairs come out in the order their
/// strata were first met; no statistic here depends on that order. The input is trusted: callers
/// validate it once with <see cref="TwoArmSurvivalInput.Validate"/>.
/// </remarks>
internal ref struct RiskSetScan
{
    private readonly ReadOnlySpan<double> time;
    private readonly ReadOnlySpan<bool> isEvent;
    private readonly ReadOnlySpan<byte> group;
    private readonly ReadOnlySpan<byte> stratum;
    private readonly bool stratified;
    private readonly Span<int> atRiskControl;
    private readonly Span<int> atRiskExperimental;
    private readonly Span<int> deathsControl;
    private readonly Span<int> deathsExperimental;
    private readonly Span<int> strataWithDeaths;
    private int next;          // the next patient to absorb, counting down
    private int pendingCount;  // strata with events at the current time
    private int pendingIndex;  // how many of them have been yielded

    /// <summary>The workspace length, in ints, needed for <paramref name="strata"/> strata.</summary>
    public static int WorkspaceLength(int strata) => 5 * strata;

    /// <param name="workspace">At least <see cref="WorkspaceLength"/> ints; cleared here.</param>
    public RiskSetScan(ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent, ReadOnlySpan<byte> group,
        ReadOnlySpan<byte> stratum, int strata, Span<int> workspace)
    {
        time = sortedTime;
        this.isEvent = isEvent;
        this.group = group;
        this.stratum = stratum;
        stratified = strata > 1;
        workspace = workspace[..WorkspaceLength(strata)];
        workspace.Clear();
        atRiskControl = workspace.Slice(0, strata);
        atRiskExperimental = workspace.Slice(strata, strata);
        deathsControl = workspace.Slice(2 * strata, strata);
        deathsExperimental = workspace.Slice(3 * strata, strata);
        strataWithDeaths = workspace.Slice(4 * strata, strata);
        next = sortedTime.Length - 1;
        pendingCount = 0;
        pendingIndex = 0;
    }

    /// <summary>Moves to the next (event time, stratum) pair, from the latest time to the earliest.</summary>
    public bool MoveNext(out RiskSetAtEventTime current)
    {
        while (pendingIndex == pendingCount)
        {
            if (next < 0)
            {
                current = default;
                return false;
            }
            AbsorbNextTime();
        }
        int s = strataWithDeaths[pendingIndex++];
        current = new RiskSetAtEventTime(atRiskControl[s], atRiskExperimental[s], deathsControl[s], deathsExperimental[s]);
        deathsControl[s] = 0;
        deathsExperimental[s] = 0;
        return true;
    }

    /// <summary>Adds every patient tied at the next time to the risk sets and notes the strata with events there.</summary>
    private void AbsorbNextTime()
    {
        pendingCount = 0;
        pendingIndex = 0;
        double t = time[next];
        for (; next >= 0 && time[next] == t; next--)
        {
            byte arm = group[next];
            if (arm > 1) continue;
            int s = stratified ? stratum[next] : 0;
            bool experimental = arm == 1;
            if (experimental) atRiskExperimental[s]++;
            else atRiskControl[s]++;
            if (!isEvent[next]) continue;
            if (deathsControl[s] + deathsExperimental[s] == 0) strataWithDeaths[pendingCount++] = s;
            if (experimental) deathsExperimental[s]++;
            else deathsControl[s]++;
        }
    }
}

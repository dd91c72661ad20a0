namespace TrialSim.Analyses;

/// <summary>
/// The input convention shared by the two-arm survival statistics (<see cref="LogRank"/>,
/// <see cref="Cox"/>), and its one validation pass, so each rule lives in one place.
/// </summary>
/// <remarks>
/// Per patient, aligned spans: <c>sortedTime</c> (months, ascending over all patients),
/// <c>isEvent</c>, <c>group</c> (1 = experimental, 0 = control, any other value = not in this
/// comparison, skipped entirely) and <c>stratum</c> (0 .. strata - 1). When <c>strata</c> is 1 the
/// stratum span is never read and may be empty. Strata interleave in the time order, which is why
/// the kernels keep small per-stratum running state rather than slicing the data.
/// </remarks>
internal static class TwoArmSurvivalInput
{
    /// <summary>The largest number of strata supported: the per-stratum state is stack-allocated,
    /// <see cref="RiskSetScan.WorkspaceLength"/> ints per call.</summary>
    public const int MaxStrata = 64;

    /// <summary>Checks lengths, the stratum count, ascending non-NaN times and stratum codes of the
    /// patients in the comparison; counts those patients and their events.</summary>
    public static void Validate(
        ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent, ReadOnlySpan<byte> group,
        ReadOnlySpan<byte> stratum, int strata, out int analysed, out int events)
    {
        if (strata < 1 || strata > MaxStrata)
            throw new ArgumentOutOfRangeException(nameof(strata), strata, $"strata must lie between 1 and {MaxStrata}");
        int n = sortedTime.Length;
        if (isEvent.Length != n)
            throw new ArgumentException($"sortedTime has {n} entries but isEvent has {isEvent.Length}; they must match", nameof(isEvent));
        if (group.Length != n)
            throw new ArgumentException($"sortedTime has {n} entries but group has {group.Length}; they must match", nameof(group));
        bool stratified = strata > 1;
        if (stratified && stratum.Length != n)
            throw new ArgumentException($"sortedTime has {n} entries but stratum has {stratum.Length}; they must match when strata > 1", nameof(stratum));

        analysed = 0;
        events = 0;
        for (int i = 0; i < n; i++)
        {
            double time = sortedTime[i];
            if (double.IsNaN(time)) throw new ArgumentException($"sortedTime must not contain NaN (entry {i})", nameof(sortedTime));
            if (i > 0 && time < sortedTime[i - 1])
                throw new ArgumentException($"sortedTime must be ascending, but entry {i} ({time}) follows {sortedTime[i - 1]}", nameof(sortedTime));
            if (group[i] > 1) continue;
            if (stratified && stratum[i] >= strata)
                throw new ArgumentOutOfRangeException(nameof(stratum), stratum[i], $"stratum codes must lie between 0 and strata - 1 = {strata - 1} (entry {i})");
            analysed++;
            events += isEvent[i] ? 1 : 0; // no branch on a random flag
        }
    }
}

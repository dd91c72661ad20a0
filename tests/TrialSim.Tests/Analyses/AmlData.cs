namespace TrialSim.Tests.Analyses;

/// <summary>The aml data (Embury et al. 1977, shipped with R's survival package), from
/// /work/shared/reference/validation.md, sorted by time for the Kaplan-Meier functions.</summary>
internal static class AmlData
{
    // Arm 1 (maintained), already in time order.
    public static readonly double[] MaintainedTime = [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161];
    public static readonly bool[] MaintainedIsEvent = [true, true, false, true, true, false, true, true, false, true, false];

    private static readonly double[] AllTime = [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45];
    private static readonly int[] AllStatus = [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1];

    /// <summary>All 23 patients sorted by time (a stable sort, so tied patients keep their order).</summary>
    public static (double[] Time, bool[] IsEvent) AllSorted()
    {
        int[] order = Enumerable.Range(0, AllTime.Length).OrderBy(i => AllTime[i]).ToArray();
        return (order.Select(i => AllTime[i]).ToArray(), order.Select(i => AllStatus[i] == 1).ToArray());
    }

    /// <summary>All 23 patients sorted by time (stable), with the group code of the two-arm analyses:
    /// 1 = maintained (the experimental arm, the first 11 patients above), 0 = not maintained.</summary>
    public static (double[] Time, bool[] IsEvent, byte[] Group) AllSortedWithGroup()
    {
        int[] order = Enumerable.Range(0, AllTime.Length).OrderBy(i => AllTime[i]).ToArray();
        return (order.Select(i => AllTime[i]).ToArray(), order.Select(i => AllStatus[i] == 1).ToArray(),
            order.Select(i => (byte)(i < MaintainedTime.Length ? 1 : 0)).ToArray());
    }
}

namespace TrialSim.Tests.Analyses;

/// <summary>A small two-arm data set with ties within and across groups (events with events, events with
/// censorings) and a third group (code 2) that every two-arm analysis must ignore. Sorted by time.</summary>
/// <remarks>The R references use <c>d &lt;- data.frame(tt, st, gg); d2 &lt;- d[d$gg != 2, ]</c> with these
/// three vectors; R's strata come out as gg=0 first, then gg=1.</remarks>
internal static class TiedTwoArmData
{
    public static readonly double[] Time = [2, 3, 3, 3, 5, 6, 6, 6, 7, 8, 8, 9, 10, 12, 12, 12, 14, 15, 15, 16, 18, 20, 20];
    private static readonly int[] Status = [1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0];
    public static readonly byte[] Group = [1, 0, 1, 0, 2, 1, 0, 0, 1, 1, 0, 2, 0, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1];
    public static readonly bool[] IsEvent = Status.Select(s => s == 1).ToArray();
}

namespace TrialSim.Tests.Analyses;

/// <summary>
/// A small data set built for these tests with heavy ties: 30 patients, integer times 1..6 (five
/// patients at each), two arms, two strata interleaved in the time order, and censorings tied with
/// events at most times. The same rows, in R, produced the reference values in the tests:
/// <code>
/// d &lt;- data.frame(time = rep(1:6, each = 5),
///   status  = c(1,1,0,1,0, 1,1,1,0,1, 1,1,0,1,0, 1,1,1,0,1, 0,1,1,0,1, 0,1,0,1,0),
///   arm     = c(0,1,0,0,1, 0,0,1,0,0, 1,1,1,0,0, 0,1,0,1,1, 0,0,1,1,0, 1,1,0,0,1),
///   stratum = c(0,0,1,1,0, 0,0,1,1,1, 0,0,1,1,0, 0,1,1,0,0, 0,1,1,1,0, 0,1,0,1,1))
/// </code>
/// </summary>
internal static class TiedStrataData
{
    public static readonly double[] Time = [1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6];
    public static readonly bool[] IsEvent = ToBool([1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0]);
    public static readonly byte[] Group = [0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1, 1, 0, 0, 1];
    public static readonly byte[] Stratum = [0, 0, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1];

    private static bool[] ToBool(int[] status) => status.Select(s => s == 1).ToArray();
}

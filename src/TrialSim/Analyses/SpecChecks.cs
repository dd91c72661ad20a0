namespace TrialSim.Analyses;

/// <summary>Argument checks shared by the analyses, so each rule lives in one place.</summary>
internal static class SpecChecks
{
    public static void RequireOpenUnit(double value, string name)
    {
        if (!(value > 0 && value < 1))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must lie strictly between 0 and 1");
    }

    public static void RequireNonNegativeFinite(double value, string name)
    {
        if (!(value >= 0) || double.IsPositiveInfinity(value))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a non-negative finite number");
    }

    public static void RequireSameLength(int timeLength, int isEventLength)
    {
        if (timeLength != isEventLength)
            throw new ArgumentException($"time has {timeLength} entries but isEvent has {isEventLength}; they must match", "isEvent");
    }

    public static void RequireGroupLength(int timeLength, int groupLength)
    {
        if (timeLength != groupLength)
            throw new ArgumentException($"time has {timeLength} entries but group has {groupLength}; they must match", "group");
    }

    /// <summary>The checks every <see cref="AnalysisSpec"/> needs: alpha and the confidence level in (0, 1).</summary>
    public static void RequireValid(AnalysisSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        RequireOpenUnit(spec.Alpha, "spec.Alpha");
        RequireOpenUnit(spec.ConfidenceLevel, "spec.ConfidenceLevel");
    }
}

namespace TrialSim.Reports;

/// <summary>The figures a report draws; each is also a <c>trialsim plot KIND</c>.</summary>
public enum FigureKind
{
    /// <summary>Rejection rate (power) with ±1.96 MCSE against the swept parameter, or per truth.</summary>
    Power,
    /// <summary>Assumed PFS curve of each arm, with Kaplan-Meier curves of simulated trials.</summary>
    Survival,
    /// <summary>Projected enrolment against calendar time.</summary>
    Accrual,
    /// <summary>Stopping boundaries of the interim looks against information.</summary>
    Boundaries,
    /// <summary>Probabilities of stopping for efficacy and futility at each look.</summary>
    Stopping,
}

/// <summary>The command-line names of <see cref="FigureKind"/> values.</summary>
public static class FigureKindNames
{
    public static IReadOnlyList<FigureKind> All { get; } = Enum.GetValues<FigureKind>();

    public static string Name(FigureKind kind) => kind.ToString().ToLowerInvariant();

    public static string Valid => string.Join(", ", All.Select(Name));

    public static bool TryParse(string text, out FigureKind kind)
    {
        foreach (var candidate in All)
            if (Name(candidate) == text)
            {
                kind = candidate;
                return true;
            }
        kind = default;
        return false;
    }
}

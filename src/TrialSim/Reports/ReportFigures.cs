namespace TrialSim.Reports;

/// <summary>Builds one figure by kind, or every figure the input allows with the reasons for those it does not.</summary>
public static class ReportFigures
{
    /// <summary>Default target power drawn on the power figure.</summary>
    public const double DefaultTargetPower = 0.80;

    /// <exception cref="ReportException">The input lacks what the figure needs (the scenario, or interim looks).</exception>
    public static Figure Build(FigureKind kind, ReportInput input, double targetPower = DefaultTargetPower) => kind switch
    {
        FigureKind.Power => PowerFigure.Build(input, targetPower),
        FigureKind.Survival => SurvivalFigure.Build(input),
        FigureKind.Accrual => AccrualFigure.Build(input),
        FigureKind.Boundaries => BoundariesFigure.Build(input),
        FigureKind.Stopping => StoppingFigure.Build(input),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"valid kinds: {FigureKindNames.Valid}"),
    };

    /// <summary>Every figure the input allows, in report order; <paramref name="omitted"/> says which were left out and why.</summary>
    public static IReadOnlyList<Figure> BuildAll(ReportInput input, double targetPower, out IReadOnlyList<string> omitted)
    {
        var figures = new List<Figure>();
        var reasons = new List<string>();
        foreach (var kind in FigureKindNames.All)
        {
            if (kind is FigureKind.Survival or FigureKind.Accrual && input.Scenario is null)
            {
                reasons.Add($"The {FigureKindNames.Name(kind)} figure is omitted: it is drawn from the scenario, and {input.ScenarioMissing}.");
                continue;
            }
            if (kind is FigureKind.Boundaries or FigureKind.Stopping && input.Results.Looks.IsEmpty) continue; // no interim looks: nothing to show
            figures.Add(Build(kind, input, targetPower));
        }
        omitted = reasons;
        return figures;
    }
}

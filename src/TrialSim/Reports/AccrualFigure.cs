using System.Globalization;
using ScottPlot;

namespace TrialSim.Reports;

/// <summary>Projected enrolment: median and central band of patients enrolled against calendar
/// time over simulated accruals, with the target, the closing date and the median time to target.</summary>
public static class AccrualFigure
{
    public const int DefaultSimulations = 1000;

    /// <exception cref="ReportException">The scenario is not available.</exception>
    public static Figure Build(ReportInput input, int simulations = DefaultSimulations)
    {
        var scenario = SurvivalFigure.ScenarioOf(input, FigureKind.Accrual);
        var projection = AccrualProjection.Simulate(scenario.Scenario, input.Seed, simulations);
        var plot = FigureStyle.Panel("Projected enrolment", "months from the opening of enrolment", "patients enrolled");
        double[] xs = [.. projection.Times];
        var band = plot.Add.FillY(xs, [.. projection.Lower], [.. projection.Upper]);
        band.FillColor = FigureStyle.Series(0).WithAlpha(0.25);
        band.LineWidth = 0;
        band.LegendText = $"{Percent(projection.LowerProbability)}-{Percent(projection.UpperProbability)}% of simulated accruals";
        var median = plot.Add.ScatterLine(xs, [.. projection.Median], FigureStyle.Series(0));
        median.LineWidth = 2.5f;
        median.LegendText = "median";
        FigureStyle.HorizontalReference(plot, projection.Target, $"target {projection.Target}", FigureStyle.Reference, LinePattern.Dashed);
        if (projection.MaxDuration is double close)
            FigureStyle.VerticalReference(plot, close, $"enrolment closes at {Number(close)} months", FigureStyle.Futility, LinePattern.Dashed);
        if (double.IsFinite(projection.MedianTimeToTarget))
            FigureStyle.VerticalReference(plot, projection.MedianTimeToTarget, $"target reached (median) at {Number(projection.MedianTimeToTarget)} months",
                FigureStyle.Reference, LinePattern.Dotted);
        plot.Axes.SetLimits(0, xs[^1], 0, projection.Target * 1.08);
        plot.ShowLegend(Alignment.LowerRight);
        string caption = string.Create(CultureInfo.InvariantCulture,
            $"Patients enrolled against calendar time in {projection.Simulations:N0} simulated accruals (the run's arrival process and seed, "
            + $"without stopping at an analysis or interim look): median and {Percent(projection.LowerProbability)}-{Percent(projection.UpperProbability)}% band. ")
            + (double.IsFinite(projection.MedianTimeToTarget)
                ? $"The target of {projection.Target} is reached at a median {Number(projection.MedianTimeToTarget)} months"
                : $"The target of {projection.Target} is not reached in half of the accruals")
            + (projection.MaxDuration is double limit
                ? string.Create(CultureInfo.InvariantCulture, $"; enrolment closes at {Number(limit)} months, short of target in {projection.ClosedShortShare:P1} of accruals.")
                : ".");
        return new Figure(FigureKind.Accrual, "Projected accrual", caption, [plot], 1, 860, 440);
    }

    private static string Percent(double probability) => (probability * 100).ToString("0", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

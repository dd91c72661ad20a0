using ScottPlot;
using TrialSim.Analyses;

namespace TrialSim.Reports;

/// <summary>
/// Rejection rate (power, or type I error under a null truth) with a ±1.96 MCSE band. For a
/// sweep, against the first numeric sweep axis, one line per truth and analysis (and per value of
/// the other axes); otherwise one point per truth with its interval, one colour per analysis.
/// Horizontal lines mark the target power and the analyses' one-sided alpha.
/// </summary>
public static class PowerFigure
{
    private const double Z975 = 1.959963984540054;

    public static Figure Build(ReportInput input, double targetPower)
    {
        var results = input.Results;
        string? axis = results.FirstNumericAxis;
        var plot = FigureStyle.Panel("Probability of rejecting H0", AxisTitle(results, axis), "rejection rate (power)");
        string caption;
        if (results.IsSweep) caption = DrawSweep(plot, results, axis);
        else caption = DrawPerTruth(plot, results);
        FigureStyle.HorizontalReference(plot, targetPower, $"target power {Format(targetPower)}", FigureStyle.Reference, LinePattern.Dashed);
        foreach (double alpha in Alphas(input))
            FigureStyle.HorizontalReference(plot, alpha, $"one-sided alpha {Format(alpha)}", FigureStyle.Reference, LinePattern.Dotted);
        plot.Axes.SetLimitsY(-0.02, 1.02);
        plot.ShowLegend(Edge.Right);
        return new Figure(FigureKind.Power, "Power", caption, [plot], 1, 960, 460);
    }

    private static string AxisTitle(RunResults results, string? axis) =>
        !results.IsSweep ? "truth" : axis ?? "sweep point";

    /// <summary>One line per series against the numeric axis (or the point index when no axis is numeric).</summary>
    private static string DrawSweep(Plot plot, RunResults results, string? axis)
    {
        var series = results.Summary
            .GroupBy(r => SeriesName(r, axis))
            .Select((group, index) => (Name: group.Key, Rows: group.OrderBy(r => X(r, axis)).ThenBy(r => r.Key.Point).ToArray(), Index: index));
        foreach (var (name, rows, index) in series)
        {
            double[] xs = rows.Select(r => X(r, axis)).ToArray();
            double[] ys = rows.Select(r => r.RejectionRate.Mean).ToArray();
            var color = FigureStyle.Series(index);
            var band = plot.Add.FillY(xs, rows.Select(r => Clamp(r.RejectionRate.Mean - Z975 * r.RejectionRate.Mcse)).ToArray(),
                rows.Select(r => Clamp(r.RejectionRate.Mean + Z975 * r.RejectionRate.Mcse)).ToArray());
            band.FillColor = color.WithAlpha(0.22);
            band.LineWidth = 0;
            var line = plot.Add.Scatter(xs, ys, color);
            line.LegendText = name;
            line.LineWidth = 2;
            line.MarkerSize = 6;
        }
        if (axis is null)
        {
            var points = results.Summary.Select(r => (r.Key.Point, r.Key.PointLabel)).Distinct().OrderBy(p => p.Point).ToArray();
            plot.Axes.Bottom.SetTicks(points.Select(p => (double)p.Point).ToArray(), points.Select(p => p.PointLabel).ToArray());
        }
        return $"Rejection rate of each analysis against {(axis is null ? "the sweep point" : $"the swept {axis}")}, one line per truth and analysis"
            + (results.Provenance.SweepAxes.Length > 1 ? " and value of the other sweep axes" : "")
            + $"; the band is ±1.96 Monte Carlo standard errors ({results.Provenance.Replicates:N0} simulated trials per point).";
    }

    /// <summary>One point per truth with a ±1.96 MCSE bar, analyses side by side.</summary>
    private static string DrawPerTruth(Plot plot, RunResults results)
    {
        var truths = results.TruthNames;
        var analyses = results.AnalysisNames;
        for (int a = 0; a < analyses.Length; a++)
        {
            var rows = results.Summary.Where(r => r.Analysis == analyses[a]).OrderBy(r => r.Key.TruthIndex).ToArray();
            double offset = analyses.Length == 1 ? 0 : (a - (analyses.Length - 1) / 2.0) * 0.5 / analyses.Length;
            double[] xs = rows.Select(r => r.Key.TruthIndex + offset).ToArray();
            double[] ys = rows.Select(r => r.RejectionRate.Mean).ToArray();
            var color = FigureStyle.Series(a);
            var bars = plot.Add.ErrorBar(xs, ys, rows.Select(r => Z975 * r.RejectionRate.Mcse).ToArray());
            bars.Color = color;
            bars.LineWidth = 2;
            var points = plot.Add.ScatterPoints(xs, ys, color);
            points.MarkerSize = 9;
            points.LegendText = analyses[a];
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, truths.Length).Select(i => (double)i).ToArray(), [.. truths]);
        plot.Axes.SetLimitsX(-0.6, truths.Length - 0.4);
        return $"Rejection rate of each analysis under each truth (not a sweep), with ±1.96 Monte Carlo standard errors ({results.Provenance.Replicates:N0} simulated trials per truth).";
    }

    private static string SeriesName(SummaryRow row, string? axis)
    {
        var others = row.Key.Coordinates.Where(c => c.Axis != axis).Select(c => c.ToString());
        return string.Join(", ", new[] { row.Key.Truth, row.Analysis }.Concat(others));
    }

    private static double X(SummaryRow row, string? axis) =>
        axis is null ? row.Key.Point : row.Key.Coordinates.First(c => c.Axis == axis).Number!.Value;

    /// <summary>The distinct one-sided alphas of the tests (a Bayesian rule has none).</summary>
    private static IEnumerable<double> Alphas(ReportInput input) =>
        input.Scenario is null ? [] : input.Scenario.Scenario.Analyses.Where(a => a is not BayesianRateSpec).Select(a => a.Alpha).Distinct().Order();

    private static double Clamp(double value) => Math.Clamp(value, 0, 1);

    private static string Format(double value) => value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}

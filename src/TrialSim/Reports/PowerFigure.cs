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
        if (results.IsSweep)
        {
            // One panel per analysis: a line per truth (solid for the last, the usual alternative;
            // dashed for the others) and colour per value of the other axes.
            var panels = new List<Plot>();
            foreach (string analysis in results.AnalysisNames)
            {
                var plot = FigureStyle.Panel(analysis, AxisTitle(results, axis), "rejection rate (power)");
                DrawSweep(plot, results.Summary.Where(r => r.Analysis == analysis).ToArray(), results, axis);
                AddReferences(plot, input, targetPower);
                panels.Add(plot);
            }
            int columns = Math.Min(2, panels.Count);
            return new Figure(FigureKind.Power, "Power", SweepCaption(results, axis), panels, columns, columns == 1 ? 960 : 1400, 460);
        }
        var single = FigureStyle.Panel("Probability of rejecting H0", AxisTitle(results, axis), "rejection rate (power)");
        string caption = DrawPerTruth(single, results);
        AddReferences(single, input, targetPower);
        return new Figure(FigureKind.Power, "Power", caption, [single], 1, 960, 460);
    }

    private static void AddReferences(Plot plot, ReportInput input, double targetPower)
    {
        FigureStyle.HorizontalReference(plot, targetPower, $"target power {Format(targetPower)}", FigureStyle.Reference, LinePattern.Dashed);
        foreach (double alpha in Alphas(input))
            FigureStyle.HorizontalReference(plot, alpha, $"one-sided alpha {Format(alpha)}", FigureStyle.Reference, LinePattern.Dotted);
        plot.Axes.SetLimitsY(-0.02, 1.02);
        plot.ShowLegend(Edge.Right);
    }

    private static string AxisTitle(RunResults results, string? axis) =>
        !results.IsSweep ? "truth" : axis ?? "sweep point";

    /// <summary>One line per truth and value of the other axes against the numeric axis (or the point index when no axis is numeric).</summary>
    private static void DrawSweep(Plot plot, SummaryRow[] summary, RunResults results, string? axis)
    {
        var others = summary.Select(r => OtherAxes(r, axis)).Distinct().ToList();
        int lastTruth = summary.Max(r => r.Key.TruthIndex);
        foreach (var group in summary.GroupBy(r => (r.Key.TruthIndex, r.Key.Truth, Others: OtherAxes(r, axis))).OrderBy(g => others.IndexOf(g.Key.Others)).ThenBy(g => g.Key.TruthIndex))
        {
            var rows = group.OrderBy(r => X(r, axis)).ThenBy(r => r.Key.Point).ToArray();
            double[] xs = rows.Select(r => X(r, axis)).ToArray();
            double[] ys = rows.Select(r => r.RejectionRate.Mean).ToArray();
            var color = FigureStyle.Series(others.IndexOf(group.Key.Others));
            var band = plot.Add.FillY(xs, rows.Select(r => Clamp(r.RejectionRate.Mean - Z975 * r.RejectionRate.Mcse)).ToArray(),
                rows.Select(r => Clamp(r.RejectionRate.Mean + Z975 * r.RejectionRate.Mcse)).ToArray());
            band.FillColor = color.WithAlpha(0.22);
            band.LineWidth = 0;
            var line = plot.Add.Scatter(xs, ys, color);
            line.LegendText = group.Key.Others.Length == 0 ? group.Key.Truth : $"{group.Key.Truth}, {group.Key.Others}";
            line.LineWidth = 2;
            line.LinePattern = group.Key.TruthIndex == lastTruth ? LinePattern.Solid : LinePattern.Dashed;
            line.MarkerSize = 5;
        }
        if (axis is null)
        {
            var points = results.Summary.Select(r => (r.Key.Point, r.Key.PointLabel)).Distinct().OrderBy(p => p.Point).ToArray();
            plot.Axes.Bottom.SetTicks(points.Select(p => (double)p.Point).ToArray(), points.Select(p => p.PointLabel).ToArray());
        }
    }

    private static string SweepCaption(RunResults results, string? axis) =>
        $"Rejection rate against {(axis is null ? "the sweep point" : $"the swept {axis}")}, one panel per analysis and one line per truth"
        + (results.Provenance.SweepAxes.Length > 1 ? " and value of the other sweep axes" : "")
        + $"; the band is ±1.96 Monte Carlo standard errors ({results.Provenance.Replicates:N0} simulated trials per point).";

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

    private static string OtherAxes(SummaryRow row, string? axis) =>
        string.Join(", ", row.Key.Coordinates.Where(c => c.Axis != axis).Select(c => c.ToString()));

    private static double X(SummaryRow row, string? axis) =>
        axis is null ? row.Key.Point : row.Key.Coordinates.First(c => c.Axis == axis).Number!.Value;

    /// <summary>The distinct one-sided alphas of the tests (a Bayesian rule has none).</summary>
    private static IEnumerable<double> Alphas(ReportInput input) =>
        input.Scenario is null ? [] : input.Scenario.Scenario.Analyses.Where(a => a is not BayesianRateSpec).Select(a => a.Alpha).Distinct().Order();

    private static double Clamp(double value) => Math.Clamp(value, 0, 1);

    private static string Format(double value) => value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}

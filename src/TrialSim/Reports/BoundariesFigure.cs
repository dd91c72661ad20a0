using ScottPlot;

namespace TrialSim.Reports;

/// <summary>
/// The stopping boundaries of a design with interim looks against the information at each look
/// (looks.parquet): efficacy and futility bounds, and the mean monitored statistic under each
/// truth. For a sweep, sweep point 0.
/// </summary>
public static class BoundariesFigure
{
    /// <exception cref="ReportException">The run has no interim looks.</exception>
    public static Figure Build(ReportInput input)
    {
        var looks = FirstPointLooks(input.Results, FigureKind.Boundaries);
        var statistic = MonitoredStatistic.Of(input.Scenario);
        var plot = FigureStyle.Panel("Stopping boundaries", statistic.Information, statistic.Statistic);
        var byTruth = looks.GroupBy(l => l.Key.TruthIndex).OrderBy(g => g.Key).Select(g => g.OrderBy(l => l.Look).ToArray()).ToArray();
        bool distinctBounds = byTruth.Skip(1).Any(rows => !SameBounds(rows, byTruth[0]));
        foreach (var (rows, index) in byTruth.Select((rows, index) => (rows, index)))
        {
            if (index > 0 && !distinctBounds) break;
            string suffix = distinctBounds ? $" ({rows[0].Key.Truth})" : "";
            AddBound(plot, rows, r => r.EfficacyBoundMean, $"efficacy bound{suffix}", FigureStyle.Efficacy, LinePattern.Solid);
            AddBound(plot, rows, r => r.FutilityBoundMean, $"futility bound{suffix}", FigureStyle.Futility, LinePattern.Dashed);
        }
        for (int t = 0; t < byTruth.Length; t++)
        {
            var rows = byTruth[t].Where(r => double.IsFinite(r.Information.Mean) && double.IsFinite(r.StatisticMean)).ToArray();
            if (rows.Length == 0) continue;
            var series = plot.Add.Scatter(rows.Select(r => r.Information.Mean).ToArray(), rows.Select(r => r.StatisticMean).ToArray(), FigureStyle.NeutralSeries(t));
            series.LinePattern = LinePattern.Dotted;
            series.MarkerSize = 8;
            series.LegendText = $"mean statistic if reached, {byTruth[t][0].Key.Truth}";
        }
        plot.ShowLegend(Edge.Right);
        string caption = "Efficacy (stop and reject H0 at or above) and futility (stop at or below) boundaries at each look against the information there, "
            + "with the mean monitored statistic of the trials that reached the look under each truth (after a futility look only trials above the "
            + "futility bound go on, so under H0 this mean rises above 0). Bounds and information are means over the "
            + "trials that reached the look: each simulated trial recomputes its bounds from the information it observed."
            + (input.Results.IsSweep ? $" Sweep point 0 ({looks[0].Key.PointLabel})." : "");
        return new Figure(FigureKind.Boundaries, "Stopping boundaries", caption, [plot], 1, 960, 460);
    }

    private static void AddBound(Plot plot, LookRow[] rows, Func<LookRow, double> bound, string legend, Color color, LinePattern pattern)
    {
        var finite = rows.Where(r => double.IsFinite(bound(r)) && double.IsFinite(r.Information.Mean)).ToArray();
        if (finite.Length == 0) return;
        var line = plot.Add.Scatter(finite.Select(r => r.Information.Mean).ToArray(), finite.Select(bound).ToArray(), color);
        line.LineWidth = 2.5f;
        line.LinePattern = pattern;
        line.MarkerSize = 7;
        line.LegendText = legend;
    }

    /// <summary>Same bound values at every look (the mean information may differ a little between truths; the bounds are what is drawn once).</summary>
    private static bool SameBounds(LookRow[] a, LookRow[] b) =>
        a.Length == b.Length && a.Zip(b).All(p => Close(p.First.EfficacyBoundMean, p.Second.EfficacyBoundMean)
            && Close(p.First.FutilityBoundMean, p.Second.FutilityBoundMean));

    private static bool Close(double x, double y) => x.Equals(y) || Math.Abs(x - y) <= 1e-6 * Math.Max(1, Math.Abs(x));

    /// <summary>The looks of sweep point 0 (the only point without a sweep).</summary>
    internal static LookRow[] FirstPointLooks(RunResults results, FigureKind kind)
    {
        if (results.Looks.IsEmpty)
            throw new ReportException(results.SummaryPath, $"the {FigureKindNames.Name(kind)} figure needs looks.parquet, and the run has none (no interim looks)",
                "the results of a design with interim looks");
        int first = results.Looks.Min(l => l.Key.Point);
        return [.. results.Looks.Where(l => l.Key.Point == first)];
    }
}

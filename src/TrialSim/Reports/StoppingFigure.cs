using ScottPlot;

namespace TrialSim.Reports;

/// <summary>One panel per truth: the probability of stopping for efficacy and for futility at
/// each look (looks.parquet), with ±1.96 MCSE bars. For a sweep, sweep point 0.</summary>
public static class StoppingFigure
{
    private const double Z975 = 1.959963984540054;

    /// <exception cref="ReportException">The run has no interim looks.</exception>
    public static Figure Build(ReportInput input)
    {
        var looks = BoundariesFigure.FirstPointLooks(input.Results, FigureKind.Stopping);
        var panels = new List<Plot>();
        foreach (var truth in looks.GroupBy(l => l.Key.TruthIndex).OrderBy(g => g.Key))
        {
            var rows = truth.OrderBy(l => l.Look).ToArray();
            var plot = FigureStyle.Panel(rows[0].Key.Truth, "look", "probability of stopping there");
            var bars = new List<Bar>();
            for (int k = 0; k < rows.Length; k++)
            {
                bars.Add(new Bar { Position = k - 0.2, Value = rows[k].StopEfficacy.Mean, Error = Z975 * rows[k].StopEfficacy.Mcse, Size = 0.38, FillColor = FigureStyle.Efficacy });
                bars.Add(new Bar { Position = k + 0.2, Value = rows[k].StopFutility.Mean, Error = Z975 * rows[k].StopFutility.Mcse, Size = 0.38, FillColor = FigureStyle.Futility });
            }
            plot.Add.Bars(bars);
            plot.Axes.Bottom.SetTicks(Enumerable.Range(0, rows.Length).Select(k => (double)k).ToArray(),
                rows.Select(r => r.IsFinal ? "final" : (r.Look + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
            plot.Axes.SetLimits(-0.6, rows.Length - 0.4, 0, Math.Max(0.1, rows.Max(r => Math.Max(r.StopEfficacy.Mean, r.StopFutility.Mean)) * 1.45)); // headroom for the legend
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "efficacy (reject H0)", FillColor = FigureStyle.Efficacy });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "futility", FillColor = FigureStyle.Futility });
            plot.ShowLegend(Alignment.UpperRight);
            panels.Add(plot);
        }
        int columns = panels.Count == 1 ? 1 : 2;
        string caption = "Probability that a simulated trial stops at each look for efficacy (rejecting H0) or for futility, over all simulated trials, "
            + "with ±1.96 Monte Carlo standard errors. At the final look, efficacy is rejection there."
            + (input.Results.IsSweep ? $" Sweep point 0 ({looks[0].Key.PointLabel})." : "");
        return new Figure(FigureKind.Stopping, "Stopping probabilities per look", caption, panels, columns, columns == 1 ? 760 : 1000, 380);
    }
}

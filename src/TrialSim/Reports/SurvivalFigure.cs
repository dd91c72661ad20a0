using ScottPlot;
using TrialSim.Scenarios;

namespace TrialSim.Reports;

/// <summary>
/// One panel per truth: each arm's assumed progression-free survival (the truth models, averaged
/// over strata, with death and toxicity switches: <see cref="TrueSurvival.ProgressionFree"/>) as a
/// thick line, and thin Kaplan-Meier curves of a few simulated trials of the run in the same colour.
/// </summary>
public static class SurvivalFigure
{
    public const int DefaultTrials = 5;
    private const int GridPoints = 241;

    /// <exception cref="ReportException">The scenario is not available.</exception>
    public static Figure Build(ReportInput input, int trials = DefaultTrials)
    {
        var scenario = ScenarioOf(input, FigureKind.Survival);
        var model = scenario.Scenario;
        var panels = new List<Plot>();
        for (int p = 0; p < model.Points.Length; p++)
        {
            var truth = model.Points[p];
            var simulated = SimulatedKaplanMeier.Simulate(model, input.Seed, p, trials);
            double horizon = simulated.SelectMany(trial => trial).Select(c => c.Times[^1]).DefaultIfEmpty(0).Max();
            if (!(horizon > 0)) horizon = 12;
            var plot = FigureStyle.Panel($"{truth.Name}", "months from entry", "progression-free survival");
            for (int a = 0; a < model.Arms.Length; a++)
            {
                var color = FigureStyle.Series(a);
                foreach (var trial in simulated)
                {
                    var curve = trial[a];
                    if (curve.Times.Length < 2) continue;
                    var line = plot.Add.Scatter(curve.Times.ToArray(), curve.Values.ToArray(), color.WithAlpha(0.55));
                    line.ConnectStyle = ConnectStyle.StepHorizontal;
                    line.MarkerSize = 0;
                    line.LineWidth = 1;
                }
                double[] xs = Enumerable.Range(0, GridPoints).Select(i => horizon * i / (GridPoints - 1)).ToArray();
                double[] ys = xs.Select(t => TrueSurvival.ProgressionFree(truth, a, model.Strata, t)).ToArray();
                var assumed = plot.Add.ScatterLine(xs, ys, color);
                assumed.LineWidth = 3;
                assumed.LegendText = model.Arms.Length == 1 ? "assumed" : $"{model.Arms[a].Name} (assumed)";
            }
            plot.Axes.SetLimits(0, horizon, -0.02, 1.02);
            plot.ShowLegend(Alignment.UpperRight);
            panels.Add(plot);
        }
        int columns = panels.Count == 1 ? 1 : 2;
        string caption = $"Assumed progression-free survival of each arm under each truth (thick lines: the scenario's models, averaged over strata, "
            + $"with death and toxicity switches where given) and the Kaplan-Meier curves of {trials} simulated trials of the run "
            + $"(thin lines: replicates 1 to {trials}, seed {input.Seed}, cut at the final analysis). Progression is recorded at the scan "
            + "that sees it, so simulated curves step down later than the assumed ones when scans are sparse.";
        return new Figure(FigureKind.Survival, "Assumed and simulated survival", caption, panels, columns, columns == 1 ? 760 : 1000, 400);
    }

    internal static ReportScenario ScenarioOf(ReportInput input, FigureKind kind) =>
        input.Scenario ?? throw new ReportException(input.Results.SummaryPath,
            $"the {FigureKindNames.Name(kind)} figure needs the scenario, but {input.ScenarioMissing}",
            $"the run's {ReportScenario.FileName} beside the results (trialsim run writes it)");
}

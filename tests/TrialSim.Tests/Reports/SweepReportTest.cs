using TrialSim.Reports;
using TrialSim.Tests.Cli;

namespace TrialSim.Tests.Reports;

/// <summary>Results in the sweep contract's layout (a hand-made summary.parquet) are read, plotted against the numeric axis and reported.</summary>
public class SweepReportTest
{
    [Fact]
    public async Task Sweep_columns_are_read_as_points_with_coordinates()
    {
        using var directory = new TemporaryDirectory();
        string file = directory.File("summary.parquet");
        await SweepSummaryFile.WriteAsync(file);
        var results = RunResultsReader.Read(file);
        Assert.True(results.IsSweep);
        Assert.Equal(["n", "shape"], results.Provenance.SweepAxes.ToArray());
        Assert.Equal("n", results.FirstNumericAxis);
        Assert.Equal(12, results.Summary.Length);
        var row = results.Summary[5];
        Assert.Equal(2, row.Key.Point);
        Assert.Equal("n=30, shape=exponential", row.Key.PointLabel);
        Assert.Equal(30, row.Key.Coordinates[0].Number);
        Assert.Equal("exponential", row.Key.Coordinates[1].Label);
        Assert.Null(row.Key.Coordinates[1].Number);
        Assert.Equal("H1", row.Key.Truth);
    }

    [Fact]
    public async Task Power_figure_draws_a_panel_per_analysis_and_a_line_per_truth_and_other_axis_value()
    {
        using var directory = new TemporaryDirectory();
        string file = directory.File("summary.parquet");
        await SweepSummaryFile.WriteAsync(file);
        var input = ReportInput.Load(file);
        var figure = PowerFigure.Build(input, 0.8);
        var lines = figure.Panels[0].PlottableList.OfType<ScottPlot.Plottables.Scatter>().ToList();
        Assert.Equal(2 * SweepSummaryFile.Shapes.Length, lines.Count); // truths x shapes, one analysis
        Assert.Single(figure.Panels); // one analysis
        Assert.Contains(lines, l => l.LegendText == "H1, shape=weibull");
        Assert.Contains(lines, l => l.LegendText == "H0, shape=weibull" && l.LinePattern.Equals(ScottPlot.LinePattern.Dashed));
        Assert.All(lines, l => Assert.Equal(SweepSummaryFile.SampleSizes, l.Data.GetScatterPoints().Select(c => c.X)));
        Assert.Equal(lines.Count, figure.Panels[0].PlottableList.OfType<ScottPlot.Plottables.FillY>().Count()); // one MCSE band per line
        Pixels.AssertDrawn(figure.ToPng(), "sweep power figure");
    }

    [Fact]
    public async Task Report_of_a_sweep_without_its_scenario_describes_point_0()
    {
        using var directory = new TemporaryDirectory();
        string file = directory.File("summary.parquet");
        await SweepSummaryFile.WriteAsync(file);
        var report = CliRunner.Run("report", file, "--out", directory.File("sweep.html"));
        Assert.True(report.ExitCode == 0, report.Error);
        string html = File.ReadAllText(directory.File("sweep.html"));
        Assert.Contains("At sweep point 0 (n=20, shape=exponential), in 1,000 simulated trials per truth (seed 7", html);
        Assert.Contains(HtmlReportWriter.FigureId(FigureKind.Power), html);
        Assert.Contains("n, shape", html);
        var plot = CliRunner.Run("plot", "power", file, "--out", directory.File("power.svg"));
        Assert.True(plot.ExitCode == 0, plot.Error);
    }

    [Fact]
    public async Task Sweep_axes_without_a_point_column_fail_clearly()
    {
        using var directory = new TemporaryDirectory();
        string file = directory.File("summary.parquet");
        await SweepSummaryFile.WriteAsync(file, withPointColumn: false);
        var report = CliRunner.Run("report", file);
        Assert.Equal(2, report.ExitCode);
        Assert.Contains("sweep axes (n, shape) but no 'point' column", report.Error);
    }
}

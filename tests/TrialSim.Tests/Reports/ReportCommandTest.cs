using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using TrialSim.Reports;
using TrialSim.Tests.Cli;

namespace TrialSim.Tests.Reports;

public class ReportCommandTest(GroupSequentialRun run) : IClassFixture<GroupSequentialRun>
{
    [Fact]
    public void Report_is_self_contained()
    {
        Assert.StartsWith("<!DOCTYPE html>", run.Html);
        // Nothing fetched: no external source or link, no script, no stylesheet link.
        Assert.DoesNotMatch(new Regex(@"(src|href)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase), run.Html);
        Assert.DoesNotContain("<script", run.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", run.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", run.Html, StringComparison.OrdinalIgnoreCase);
        foreach (Match source in Regex.Matches(run.Html, @"src=""([^""]*)"""))
            Assert.StartsWith("data:image/png;base64,", source.Groups[1].Value);
    }

    [Fact]
    public void Every_figure_is_present_and_drawn()
    {
        foreach (var kind in FigureKindNames.All)
        {
            var figure = Regex.Match(run.Html, $@"<figure id=""{HtmlReportWriter.FigureId(kind)}"">.*?src=""data:image/png;base64,([^""]+)"".*?</figure>", RegexOptions.Singleline);
            Assert.True(figure.Success, $"no {kind} figure in the report");
            Pixels.AssertDrawn(Convert.FromBase64String(figure.Groups[1].Value), $"{kind} figure");
        }
    }

    [Fact]
    public void Report_shows_the_scenario_as_run_with_its_provenance()
    {
        Assert.Contains("scenario.yaml (SHA-256 matches the run)", run.Html);
        Assert.Contains("20240701", run.Html); // seed
        Assert.Contains("monitoring logrank", run.Html);
        Assert.Contains("id=\"summary-table\"", run.Html);
        Assert.Contains("id=\"looks-table\"", run.Html);
        Assert.Contains("id=\"arms-table\"", run.Html);
        Assert.Contains(WebUtility.HtmlEncode("name: Group-sequential log-rank, HR 0.7"), run.Html);
    }

    [Fact]
    public void Report_without_its_scenario_omits_the_figures_drawn_from_it_and_says_so()
    {
        string alone = run.Scratch("alone");
        Directory.CreateDirectory(alone);
        File.Copy(run.SummaryPath, Path.Combine(alone, "results.parquet"));
        string output = Path.Combine(alone, "r.html");
        var report = CliRunner.Run("report", Path.Combine(alone, "results.parquet"), "--out", output);
        Assert.True(report.ExitCode == 0, report.Error);
        Assert.Contains("survival and accrual figures are omitted", report.Error);
        string html = File.ReadAllText(output);
        Assert.Contains(HtmlReportWriter.FigureId(FigureKind.Power), html);
        Assert.DoesNotContain(HtmlReportWriter.FigureId(FigureKind.Survival), html);
        Assert.DoesNotContain(HtmlReportWriter.FigureId(FigureKind.Accrual), html);
        Assert.Contains("The survival figure is omitted", html);
        Assert.Contains("no scenario.yaml beside", html);
    }

    [Fact]
    public void An_edited_scenario_is_not_taken_for_the_one_that_was_run()
    {
        string copy = run.Scratch("edited");
        Directory.CreateDirectory(copy);
        foreach (string file in Directory.GetFiles(run.Directory, "*.parquet")) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(copy, "scenario.yaml"), File.ReadAllText(Path.Combine(run.Directory, "scenario.yaml")).Replace("events: 200", "events: 210"));
        var report = CliRunner.Run("report", copy);
        Assert.True(report.ExitCode == 0, report.Error);
        string html = File.ReadAllText(Path.Combine(copy, "report.html"));
        Assert.Contains("is not the scenario that was run", html);
        Assert.DoesNotContain(HtmlReportWriter.FigureId(FigureKind.Survival), html);
    }

    [Fact]
    public void Plot_writes_each_figure_as_png_and_svg()
    {
        foreach (var kind in FigureKindNames.All)
        {
            string png = run.Scratch($"{kind}.png");
            var plot = CliRunner.Run("plot", FigureKindNames.Name(kind), run.Directory, "--out", png);
            Assert.True(plot.ExitCode == 0, plot.Error);
            Pixels.AssertDrawn(File.ReadAllBytes(png), $"plot {kind}");
            string svg = run.Scratch($"{kind}.svg");
            Assert.Equal(0, CliRunner.Run("plot", FigureKindNames.Name(kind), run.Directory, "--out", svg).ExitCode);
            var document = System.Xml.Linq.XDocument.Parse(File.ReadAllText(svg));
            var ids = document.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count()); // panels' clip paths do not collide
        }
        Assert.Empty(Directory.GetFiles(run.ScratchRoot, "*.tmp", SearchOption.AllDirectories));
    }
}

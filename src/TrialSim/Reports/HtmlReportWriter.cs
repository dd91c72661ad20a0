using System.Net;
using System.Text;
using TrialSim.Sinks;

namespace TrialSim.Reports;

/// <summary>
/// Writes the report: one self-contained HTML file (styles inline, figures as PNG data: URIs, no
/// script, nothing fetched) with the scenario as run, the statistical-considerations paragraph,
/// the operating-characteristics tables and every figure the input allows.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>PNG pixels per CSS pixel: sharp on high-density screens and when printed.</summary>
    private const double ImageScale = 2;

    /// <summary>Figure element ids in the page: <c>figure-power</c>, <c>figure-survival</c>, ...</summary>
    public static string FigureId(FigureKind kind) => $"figure-{FigureKindNames.Name(kind)}";

    public const string ParagraphId = "statistical-considerations";

    /// <summary>The report as HTML text.</summary>
    /// <param name="primaryAnalysis">The analysis the paragraph describes (<see cref="StatisticalConsiderations.PrimaryAnalysis"/>).</param>
    public static string Render(ReportInput input, string primaryAnalysis, double targetPower)
    {
        var results = input.Results;
        var figures = ReportFigures.BuildAll(input, targetPower, out var omitted);
        string title = results.Provenance.ScenarioName.Length > 0 ? results.Provenance.ScenarioName : "trialsim run";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append($"<title>{E(title)}: operating characteristics</title>\n<style>\n{Style}</style>\n</head>\n<body>\n");
        html.Append($"<h1>{E(title)}</h1>\n");
        if (input.Scenario?.Scenario.Description is { Length: > 0 } description) html.Append($"<p class=\"description\">{E(description.Trim())}</p>\n");
        html.Append($"<p class=\"meta\">Operating characteristics simulated by trialsim {E(results.Provenance.ToolVersion)}: "
            + $"{ReportNumber.Count(results.Provenance.Replicates)} trials per truth, seed {results.Provenance.Seed}.</p>\n");

        html.Append("<h2>Statistical considerations</h2>\n");
        html.Append("<p class=\"note\">Ready to paste into a protocol or grant; every number comes from the run's results and scenario.</p>\n");
        html.Append($"<p class=\"paste\" id=\"{ParagraphId}\">{E(StatisticalConsiderations.Write(input, primaryAnalysis))}</p>\n");

        WriteScenario(input, html);

        html.Append("<h2>Operating characteristics</h2>\n");
        OperatingCharacteristicsTables.WriteSummary(results, html);
        OperatingCharacteristicsTables.WriteArms(results, html);
        OperatingCharacteristicsTables.WriteLooks(results, html);

        html.Append("<h2>Figures</h2>\n");
        foreach (var figure in figures)
        {
            string png = Convert.ToBase64String(figure.ToPng(ImageScale));
            html.Append($"<figure id=\"{FigureId(figure.Kind)}\">\n<h3>{E(figure.Title)}</h3>\n");
            html.Append($"<img alt=\"{E(figure.Title)}\" width=\"{figure.Width}\" height=\"{figure.Height}\" src=\"data:image/png;base64,{png}\">\n");
            html.Append($"<figcaption>{E(figure.Caption)}</figcaption>\n</figure>\n");
        }
        var notes = omitted.Concat(results.Notes).ToList();
        if (notes.Count > 0)
        {
            html.Append("<h2>Notes</h2>\n<ul class=\"notes\">\n");
            foreach (string note in notes) html.Append($"<li>{E(note)}</li>\n");
            html.Append("</ul>\n");
        }
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Renders the report and writes it atomically (temporary file, then rename).</summary>
    public static void Write(ReportInput input, string primaryAnalysis, double targetPower, string path)
    {
        byte[] bytes = new UTF8Encoding(false).GetBytes(Render(input, primaryAnalysis, targetPower));
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }

    private static void WriteScenario(ReportInput input, StringBuilder html)
    {
        var results = input.Results;
        var provenance = results.Provenance;
        html.Append("<h2>The scenario as run</h2>\n");
        var run = new HtmlTable("Provenance (the results' Parquet key-value metadata)", "item", "value")
            .Row("tool version", $"trialsim {provenance.ToolVersion}")
            .Row("scenario", provenance.ScenarioName)
            .Row("scenario SHA-256", provenance.ScenarioSha256)
            .Row("seed", provenance.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Row("simulated trials per truth", ReportNumber.Count(provenance.Replicates))
            .Row("truths", string.Join(", ", provenance.Points))
            .Row("sweep axes", provenance.IsSweep ? string.Join(", ", provenance.SweepAxes) : "none (not a sweep)")
            .Row("results", results.SummaryPath)
            .Row("scenario file", input.Scenario is { } found ? $"{found.Path} (SHA-256 matches the run)" : $"not used: {input.ScenarioMissing}");
        run.WriteTo(html, "provenance-table");
        if (input.Scenario is not { } scenarioFile) return;
        var scenario = scenarioFile.Scenario;
        var design = new HtmlTable("Design" + (results.IsSweep ? " (sweep point 0)" : ""), "item", "value")
            .Row("allocation", DesignDescription.Allocation(scenario))
            .Row("accrual", DesignDescription.Accrual(scenario.Accrual))
            .Row("assessments", DesignDescription.Assessments(scenario.Assessments, scenario.MaxFollowUp))
            .Row("final analysis", DesignDescription.AnalysisTime(scenario.AnalysisTime))
            .Row("interim analyses", DesignDescription.Interim(scenario) ?? "none")
            .Row("dropout", scenario.Dropout?.Describe() ?? "none")
            .Row("ineligible after enrolment", ReportNumber.Percent(scenario.Accrual.IneligibleFraction));
        foreach (var analysis in scenario.Analyses)
        {
            var hypotheses = AnalysisHypotheses.Of(analysis);
            design.Row($"analysis {analysis.Name}",
                $"{hypotheses.Test}; H0: {hypotheses.NullHypothesis}" + (hypotheses.IsBayesian ? "" : $"; one-sided alpha {ReportNumber.Value(analysis.Alpha)}"));
        }
        var armNames = scenario.Arms.Select(a => a.Name).ToList();
        foreach (var truth in scenario.Points)
            for (int a = 0; a < scenario.Arms.Length; a++)
                design.Row(scenario.Arms.Length == 1 ? $"truth {truth.Name}" : $"truth {truth.Name}, {scenario.Arms[a].Name}", truth.Arms[a].Describe(armNames));
        design.WriteTo(html, "design-table");
        html.Append($"<details><summary>Scenario file ({E(Path.GetFileName(scenarioFile.Path))})</summary>\n<pre>{E(scenarioFile.Text)}</pre>\n</details>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
        h1 { font-size: 1.7em; margin-bottom: 0.2em; }
        h2 { font-size: 1.3em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 2em; }
        h3 { font-size: 1.05em; margin: 0.5em 0; }
        .meta, .note, .description { color: #555; }
        .paste { background: #f6f8fa; border-left: 4px solid #0072B2; padding: 0.8em 1em; }
        div.table { overflow-x: auto; }
        table { border-collapse: collapse; margin: 1em 0; font-size: 0.85em; }
        caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
        th, td { border: 1px solid #ddd; padding: 0.25em 0.5em; vertical-align: top; }
        th { background: #f0f0f0; text-align: left; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        figure { margin: 1.5em 0; }
        figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
        figcaption { color: #444; font-size: 0.9em; max-width: 960px; }
        pre { background: #f6f8fa; padding: 0.8em; overflow-x: auto; font-size: 0.85em; }
        """;
}

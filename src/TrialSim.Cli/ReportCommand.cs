using System.CommandLine;
using TrialSim.Reports;

namespace TrialSim.Cli;

/// <summary><c>trialsim report DIR|FILE.parquet [--out report.html]</c>: one self-contained HTML
/// report of a run, for a grant writer and a review board.</summary>
internal static class ReportCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var input = new Argument<string>("results") { Description = "Run directory (with summary.parquet) or a summary.parquet file" };
        var outFile = new Option<string?>("--out", "-o") { Description = "Output HTML file (default: report.html beside the results)" };
        var analysis = new Option<string?>("--analysis") { Description = "Analysis the statistical-considerations paragraph describes (default: the monitored one, else the first)" };
        var targetPower = new Option<double>("--target-power") { Description = "Target power line on the power figure", DefaultValueFactory = _ => ReportFigures.DefaultTargetPower };
        var command = new Command("report", "Write a self-contained HTML report of a run: scenario, operating characteristics, figures, protocol paragraph")
        {
            input, outFile, analysis, targetPower,
        };
        command.SetAction(parse => Execute(parse.GetValue(input)!, parse.GetValue(outFile), parse.GetValue(analysis), parse.GetValue(targetPower), output, error));
        return command;
    }

    private static int Execute(string path, string? outPath, string? analysis, double targetPower, TextWriter output, TextWriter error)
    {
        if (OptionChecks.TargetPower(targetPower) is string problem) return TrialSimCommand.Refuse(error, problem);
        if (outPath is not null && !outPath.EndsWith(".html", StringComparison.OrdinalIgnoreCase) && !outPath.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
        {
            error.WriteLine($"error: --out {outPath}: the file name must end in .html");
            return TrialSimCommand.BadInput;
        }
        try
        {
            var report = ReportInput.Load(path);
            string primary = StatisticalConsiderations.PrimaryAnalysis(report, analysis);
            string target = outPath ?? Path.Combine(report.Results.Directory, "report.html");
            HtmlReportWriter.Write(report, primary, targetPower, target);
            output.WriteLine($"wrote {target}");
            if (report.Scenario is null) error.WriteLine($"warning: the survival and accrual figures are omitted: {report.ScenarioMissing}");
            foreach (string note in report.Results.Notes) error.WriteLine($"warning: {note}");
            return 0;
        }
        catch (ReportException exception)
        {
            return TrialSimCommand.Refuse(error, exception.Message);
        }
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text;
using TrialSim.Reports;
using TrialSim.Sinks;

namespace TrialSim.Cli;

/// <summary><c>trialsim plot KIND DIR|FILE --out fig.png|fig.svg</c>: one figure of a run, for a paper.</summary>
internal static class PlotCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var kind = new Argument<string>("kind") { Description = $"Figure: {FigureKindNames.Valid}" };
        var input = new Argument<string>("results") { Description = "Run directory (with summary.parquet) or a summary.parquet file" };
        var outFile = new Option<string>("--out", "-o") { Description = "Output file: .png or .svg", Required = true };
        var scale = new Option<double>("--scale") { Description = "PNG pixels per CSS pixel (2 = sharp in print)", DefaultValueFactory = _ => 2 };
        var targetPower = new Option<double>("--target-power") { Description = "Target power line on the power figure", DefaultValueFactory = _ => ReportFigures.DefaultTargetPower };
        var command = new Command("plot", "Write one figure of a run as PNG or SVG") { kind, input, outFile, scale, targetPower };
        command.SetAction(parse => Execute(parse.GetValue(kind)!, parse.GetValue(input)!, parse.GetValue(outFile)!,
            parse.GetValue(scale), parse.GetValue(targetPower), output, error));
        return command;
    }

    private static int Execute(string kindName, string path, string outPath, double scale, double targetPower, TextWriter output, TextWriter error)
    {
        if (!FigureKindNames.TryParse(kindName, out var kind))
        {
            error.WriteLine($"error: unknown figure '{kindName}'; valid figures: {FigureKindNames.Valid}");
            return TrialSimCommand.BadInput;
        }
        string extension = Path.GetExtension(outPath).ToLowerInvariant();
        if (extension is not (".png" or ".svg"))
        {
            error.WriteLine($"error: --out {outPath}: the file name must end in .png or .svg");
            return TrialSimCommand.BadInput;
        }
        if (!(scale > 0 && scale <= 8))
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: --scale must be in (0, 8] (got {scale})"));
            return TrialSimCommand.BadInput;
        }
        if (OptionChecks.TargetPower(targetPower) is string problem) return TrialSimCommand.Refuse(error, problem);
        try
        {
            var figure = ReportFigures.Build(kind, ReportInput.Load(path), targetPower);
            byte[] bytes = extension == ".png" ? figure.ToPng(scale) : Encoding.UTF8.GetBytes(figure.ToSvg());
            AtomicFile.Write(outPath, stream => stream.Write(bytes));
            output.WriteLine($"wrote {outPath} ({figure.Title})");
            return 0;
        }
        catch (ReportException exception)
        {
            return TrialSimCommand.Refuse(error, exception.Message);
        }
    }
}

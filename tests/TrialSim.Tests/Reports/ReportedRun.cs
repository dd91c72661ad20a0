using TrialSim.Tests.Cli;

namespace TrialSim.Tests.Reports;

/// <summary>A shipped scenario run once through the CLI with few replicates, and its report, shared by a test class.</summary>
public abstract class ReportedRun : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    protected ReportedRun(string scenario, int replicates)
    {
        Directory = Path.Combine(_directory.Path, "run");
        var run = CliRunner.Run("run", CliRunner.ShippedScenario(scenario), "--replicates", replicates.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--quiet", "--out", Directory);
        if (run.ExitCode != 0) throw new InvalidOperationException($"trialsim run failed: {run.Error}");
        ReportPath = Path.Combine(_directory.Path, "report.html");
        var report = CliRunner.Run("report", Directory, "--out", ReportPath);
        if (report.ExitCode != 0) throw new InvalidOperationException($"trialsim report failed: {report.Error}");
        Html = File.ReadAllText(ReportPath);
    }

    public string Directory { get; }
    public string ReportPath { get; }
    public string Html { get; }
    public string SummaryPath => Path.Combine(Directory, "summary.parquet");
    /// <summary>A path in the fixture's temporary directory, for a test's own files.</summary>
    public string Scratch(string name) => _directory.File(name);

    public string ScratchRoot => _directory.Path;

    public void Dispose()
    {
        _directory.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class GroupSequentialRun() : ReportedRun("gsd-logrank.yaml", 300);

public sealed class SingleArmAsRun() : ReportedRun("ssg-xxv-as-run.yaml", 400);

using System.CommandLine;
using TrialSim.Running;
using TrialSim.Scenarios;
using TrialSim.Sinks;

namespace TrialSim.Cli;

/// <summary><c>trialsim run FILE</c>: simulates a scenario, prints its operating characteristics and writes Parquet.</summary>
internal static class RunCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "Scenario YAML file" };
        var replicates = new Option<int?>("--replicates", "-n") { Description = "Simulated trials per scenario point (default: the scenario's)" };
        var seed = new Option<ulong?>("--seed") { Description = "Random seed (default: the scenario's)" };
        var threads = new Option<int>("--threads", "-t") { Description = "Worker threads; 0 = one per core. Output does not depend on it", DefaultValueFactory = _ => 0 };
        var outDirectory = new Option<string>("--out", "-o") { Description = "Output directory", DefaultValueFactory = _ => "out" };
        var trials = new Option<bool>("--trials") { Description = "Also write trials.parquet, one row per simulated trial and analysis" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display" };
        var command = new Command("run", "Simulate a scenario and write its operating characteristics")
        {
            file, replicates, seed, threads, outDirectory, trials, quiet,
        };
        command.SetAction(parse => Execute(
            parse.GetValue(file)!, parse.GetValue(replicates), parse.GetValue(seed), parse.GetValue(threads),
            parse.GetValue(outDirectory)!, parse.GetValue(trials), parse.GetValue(quiet), output, error));
        return command;
    }

    private static int Execute(string path, int? replicates, ulong? seed, int threads, string outDirectory, bool writeTrials, bool quiet, TextWriter output, TextWriter error)
    {
        if (replicates is <= 0)
        {
            error.WriteLine($"error: --replicates must be a positive whole number (got {replicates})");
            return TrialSimCommand.BadInput;
        }
        if (threads < 0)
        {
            error.WriteLine($"error: --threads must be 0 (one per core) or a positive whole number (got {threads})");
            return TrialSimCommand.BadInput;
        }
        if (!ScenarioInput.TryLoad(path, error, out var scenario, out string text)) return TrialSimCommand.BadInput;

        string summaryPath = Path.Combine(outDirectory, "summary.parquet");
        string trialsPath = Path.Combine(outDirectory, "trials.parquet");
        string armsPath = Path.Combine(outDirectory, "arms.parquet");
        var provisional = new SimulationResult(scenario, seed ?? scenario.Seed, replicates ?? scenario.Replicates, [], TimeSpan.Zero);
        var metadata = RunMetadata.For(provisional, ScenarioLoader.Hash(text));

        using var progress = ProgressDisplay.Create(error, quiet);
        TrialsParquetSink? trialsSink = writeTrials ? new TrialsParquetSink(trialsPath, scenario, metadata) : null;
        try
        {
            var result = SimulationRunner.Run(scenario, new RunOptions(replicates, seed, threads, trialsSink, progress.Report));
            progress.Finish();
            trialsSink?.Complete();
            SummaryParquetSink.Write(result, summaryPath, metadata);
            // The scenario as run, for `trialsim report` (its hash is the metadata's scenario_sha256).
            AtomicFile.Write(Path.Combine(outDirectory, Reports.ReportScenario.FileName), stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(text)));
            ArmsParquetSink.Write(result, armsPath, metadata);
            if (!result.LookRows.IsEmpty) LooksParquetSink.Write(result, Path.Combine(outDirectory, "looks.parquet"), metadata);
            ConsoleTable.Write(result, output);
            output.WriteLine();
            output.WriteLine($"wrote {summaryPath}, {armsPath}" + (result.LookRows.IsEmpty ? "" : $", {Path.Combine(outDirectory, "looks.parquet")}")
                + (writeTrials ? $" and {trialsPath}" : ""));
            double trialsPerSecond = (double)result.Replicates * scenario.Points.Length / Math.Max(result.Elapsed.TotalSeconds, 1e-9);
            output.WriteLine($"{result.Replicates * scenario.Points.Length:N0} trials in {result.Elapsed.TotalSeconds:F2} s ({trialsPerSecond:N0} trials/s)");
            return 0;
        }
        finally
        {
            trialsSink?.Dispose();
        }
    }
}

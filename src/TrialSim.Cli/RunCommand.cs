using System.CommandLine;
using TrialSim.Running;
using TrialSim.Scenarios;
using TrialSim.Sinks;

namespace TrialSim.Cli;

/// <summary>
/// <c>trialsim run FILE</c>: simulates a scenario or sweep, prints its operating characteristics
/// and writes Parquet. Finished work units are checkpointed under DIR/units, so an interrupted run
/// continues with <c>--resume</c>; <c>--shard K/N</c> computes one slice for <c>trialsim merge</c>.
/// </summary>
internal static class RunCommand
{
    public const int Interrupted = 130;

    public static Command Build(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "Scenario YAML file (a single scenario or a sweep)" };
        var replicates = new Option<int?>("--replicates", "-n") { Description = "Simulated trials per point and truth (default: the scenario's)" };
        var seed = new Option<ulong?>("--seed") { Description = "Random seed (default: the scenario's)" };
        var threads = new Option<int>("--threads", "-t") { Description = "Worker threads; 0 = one per core. Output does not depend on it", DefaultValueFactory = _ => 0 };
        var outDirectory = new Option<string>("--out", "-o") { Description = "Output directory", DefaultValueFactory = _ => "out" };
        var trials = new Option<bool>("--trials") { Description = "Also write trials.parquet, one row per simulated trial and analysis" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress display" };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted run in --out: compute only the units not yet saved" };
        var shard = new Option<string?>("--shard") { Description = "Compute only slice K of N (K/N, 1-based) into --out; combine the slices with 'trialsim merge'" };
        var command = new Command("run", "Simulate a scenario or sweep and write its operating characteristics")
        {
            file, replicates, seed, threads, outDirectory, trials, quiet, resume, shard,
        };
        command.SetAction(parse => Execute(
            new RunRequest(parse.GetValue(file)!, parse.GetValue(replicates), parse.GetValue(seed), parse.GetValue(threads),
                parse.GetValue(outDirectory)!, parse.GetValue(trials), parse.GetValue(quiet), parse.GetValue(resume), parse.GetValue(shard)),
            output, error));
        return command;
    }

    private sealed record RunRequest(
        string Path, int? Replicates, ulong? Seed, int Threads, string OutDirectory, bool Trials, bool Quiet, bool Resume, string? Shard);

    private static int Execute(RunRequest request, TextWriter output, TextWriter error)
    {
        if ((OptionChecks.Replicates(request.Replicates) ?? OptionChecks.Threads(request.Threads)) is string problem)
            return TrialSimCommand.Refuse(error, problem);
        var shard = Shard.All;
        if (request.Shard is not null && !Shard.TryParse(request.Shard, out shard))
            return TrialSimCommand.Refuse(error, $"--shard must be K/N with 1 <= K <= N, e.g. 2/8 (got '{request.Shard}')");
        if (request.Trials && (request.Shard is not null || request.Resume))
            return TrialSimCommand.Refuse(error, "--trials cannot be combined with --shard or --resume (trials.parquet is written in one pass)");
        if (!ScenarioInput.TryLoad(request.Path, error, out var sweep, out string text)) return TrialSimCommand.BadInput;

        int replicates = request.Replicates ?? sweep.First.Replicates;
        ulong seed = request.Seed ?? sweep.First.Seed;
        string hash = ScenarioLoader.Hash(text);
        var store = new CheckpointStore(request.OutDirectory, RunMetadata.Identity(seed, replicates, hash));
        try { store.Begin(request.Resume); }
        catch (InvalidOperationException exception) { return TrialSimCommand.Refuse(error, exception.Message); }
        RunOutput.Clear(request.OutDirectory);
        RunOutput.WriteScenario(request.OutDirectory, text);
        var metadata = RunMetadata.For(sweep, seed, replicates, hash);

        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var progress = ProgressDisplay.Create(error, request.Quiet);
        string trialsPath = Path.Combine(request.OutDirectory, "trials.parquet");
        TrialsParquetSink? trialsSink = request.Trials ? new TrialsParquetSink(trialsPath, sweep, metadata) : null;
        try
        {
            var options = new SweepRunOptions(replicates, seed, request.Threads, cancellation.Token)
            {
                Checkpoints = store,
                Resume = request.Resume,
                Shard = shard,
                Trials = trialsSink,
                Progress = progress.Report,
            };
            int before = store.Count;
            var result = SweepRunner.Run(sweep, options);
            progress.Finish();
            if (result is null)
            {
                output.WriteLine($"shard {shard}: {store.Count - before} work units written to {Path.Combine(request.OutDirectory, CheckpointStore.UnitsFolder)}; combine all {shard.Count} with 'trialsim merge'");
                return 0;
            }
            trialsSink?.Complete();
            var written = RunOutput.Write(result, request.OutDirectory, metadata);
            ConsoleTable.Write(result, output);
            output.WriteLine();
            output.WriteLine($"wrote {string.Join(", ", written)}" + (request.Trials ? $" and {trialsPath}" : ""));
            double trialsPerSecond = result.Trials / Math.Max(result.Elapsed.TotalSeconds, 1e-9);
            output.WriteLine($"{result.Trials:N0} trials in {result.Elapsed.TotalSeconds:F2} s ({trialsPerSecond:N0} trials/s)"
                + (request.Resume && before > 0 ? $"; {before} work units were resumed from checkpoints" : ""));
            return 0;
        }
        catch (InvalidDataException exception)
        {
            progress.Finish();
            error.WriteLine($"error: a saved work unit cannot be read: {exception.Message}; delete that file and run again with --resume (it is computed again)");
            return 1;
        }
        catch (OperationCanceledException)
        {
            progress.Finish();
            error.WriteLine($"interrupted: {store.Count} work units are saved in {request.OutDirectory}; run again with --resume to finish");
            return Interrupted;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            trialsSink?.Dispose();
        }
    }

}

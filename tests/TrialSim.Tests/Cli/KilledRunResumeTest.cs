using System.Diagnostics;
using System.Text.RegularExpressions;
using TrialSim.Running;
using TrialSim.Scenarios;
using TrialSim.Sinks;
using TrialSim.Sweeps;
using TrialSim.Tests.Sweeps;

namespace TrialSim.Tests.Cli;

/// <summary>
/// A trialsim process killed outright (SIGKILL) mid-sweep leaves only whole files under their final
/// names, and <c>--resume</c> finishes it to the bytes of a run never interrupted.
/// </summary>
public partial class KilledRunResumeTest
{
    private const int Replicates = SimulationRunner.ChunkReplicates;
    // 30 points x 2 truths x 1 chunk = 60 units: a few seconds on one thread, so the kill lands mid-run.
    private static readonly string Text = SweepExamples.WithSweep("sweep:\n  grid:\n    n: {field: accrual.target, from: 20, to: 49, step: 1}");
    private const int Units = 60;

    [GeneratedRegex(@"^\..+\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex TemporaryName();

    /// <summary>Starts the built CLI as a process of its own, collecting its standard error in <paramref name="error"/>.</summary>
    private static Process StartCli(System.Text.StringBuilder error, params string[] arguments)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "TrialSim.Cli.dll");
        Assert.True(File.Exists(dll), $"the CLI is built beside the tests: {dll}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, line) => { lock (error) error.AppendLine(line.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int UnitCount(string directory)
    {
        string units = Path.Combine(directory, CheckpointStore.UnitsFolder);
        return Directory.Exists(units) ? Directory.GetFiles(units, "*.unit").Length : 0;
    }

    /// <summary>The run has started: its scenario is in place, so the units are its own (a fresh run
    /// deletes any earlier units before it writes scenario.yaml).</summary>
    private static bool Started(string outDirectory)
    {
        try { return File.ReadAllText(Path.Combine(outDirectory, RunOutput.ScenarioFile)) == Text; }
        catch (IOException) { return false; }
    }

    /// <summary>Starts a run, waits until <paramref name="units"/> of its units are saved, then kills it.</summary>
    private static void RunAndKill(string path, string outDirectory, int units)
    {
        var error = new System.Text.StringBuilder();
        using var process = StartCli(error, "run", path, "--replicates", $"{Replicates}", "--threads", "1", "--quiet", "--out", outDirectory);
        var clock = Stopwatch.StartNew();
        while (!(Started(outDirectory) && UnitCount(outDirectory) >= units) && !process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
            Thread.Sleep(5);
        Assert.False(process.HasExited, $"the run ended (exit {(process.HasExited ? process.ExitCode : 0)}) before it could be killed: {error}");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    [Fact]
    public void Killed_run_leaves_no_results_and_only_whole_units()
    {
        using var directory = new TemporaryDirectory();
        string path = SweepExamples.Write(directory.File("sweep.yaml"), Text);
        string outDirectory = directory.File("out");
        // An earlier run's results in the directory must not survive as if they were this run's.
        var earlier = CliRunner.Run("run", SweepExamples.Write(directory.File("earlier.yaml"), SweepExamples.SampleSizes),
            "--replicates", "100", "--trials", "--quiet", "--out", outDirectory);
        Assert.True(earlier.ExitCode == 0, earlier.Error);
        RunAndKill(path, outDirectory, units: 4);

        Assert.Empty(ResultFiles.In(outDirectory));
        Assert.InRange(UnitCount(outDirectory), 4, Units - 1);
        Assert.Equal(Text, File.ReadAllText(Path.Combine(outDirectory, RunOutput.ScenarioFile)));

        // Every file under units/ is the identity, a temporary file (never under a final name), or a whole unit.
        var sweep = SweepLoader.Parse(Text, path);
        var store = new CheckpointStore(outDirectory, RunMetadata.Identity(sweep.First.Seed, Replicates, ScenarioLoader.Hash(Text)));
        foreach (string file in Directory.GetFiles(Path.Combine(outDirectory, CheckpointStore.UnitsFolder)))
        {
            string name = Path.GetFileName(file);
            if (name == "run-identity.txt" || TemporaryName().IsMatch(name)) continue;
            var match = Regex.Match(name, @"^p(\d{6})-t(\d{3})-c(\d{5})\.unit$");
            Assert.True(match.Success, $"unexpected file {name}");
            var unit = new WorkUnit(int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value), int.Parse(match.Groups[3].Value));
            var plan = SimulationPlan.Compile(sweep.Points[unit.Point].Scenario);
            var accumulator = new Aggregation.PointAccumulator(plan.Capacity, plan.TrueValues[unit.Truth], plan.ArmCount, plan.LookCount);
            store.Read(unit, accumulator);
            Assert.Equal(Replicates, accumulator.Replicates);
        }
    }

    [Fact]
    public void Killed_run_resumed_writes_the_bytes_of_an_uninterrupted_run()
    {
        using var directory = new TemporaryDirectory();
        string path = SweepExamples.Write(directory.File("sweep.yaml"), Text);
        string outDirectory = directory.File("out");
        RunAndKill(path, outDirectory, units: 4);
        int saved = UnitCount(outDirectory);

        var resumed = CliRunner.Run("run", path, "--replicates", $"{Replicates}", "--threads", "2", "--resume", "--quiet", "--out", outDirectory);
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains($"{saved} work units were resumed from checkpoints", resumed.Output);
        Assert.Equal(Units, UnitCount(outDirectory));

        string uninterrupted = directory.File("uninterrupted");
        var run = CliRunner.Run("run", path, "--replicates", $"{Replicates}", "--threads", "2", "--quiet", "--out", uninterrupted);
        Assert.True(run.ExitCode == 0, run.Error);
        ResultFiles.AssertIdentical(uninterrupted, outDirectory, "killed and resumed vs uninterrupted");
    }
}

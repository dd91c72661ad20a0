using TrialSim.Cluster;
using TrialSim.Tests.Cli;

namespace TrialSim.Tests.Cluster;

/// <summary>
/// The generated scripts run by bash, with a trialsim and an sbatch that only record their
/// arguments: the quoting is right when every path arrives as one, unchanged argument.
/// </summary>
public partial class SlurmJobScriptsTest
{
    /// <summary>A directory name with a space, a quote, a percent sign and a dollar, which each need quoting.</summary>
    private const string AwkwardName = "Bob's 100% $HOME run";

    [Fact]
    public void Array_task_K_runs_trialsim_on_shard_K_with_paths_intact()
    {
        if (!Bash.IsAvailable) return;
        using var temporary = new TemporaryDirectory();
        var (scripts, log) = RecordingJob(temporary, job => job with { Replicates = 2000, Seed = 7 });

        var run = Bash.Run([scripts.ArrayJobPath], new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "2", ["SLURM_CPUS_PER_TASK"] = "4" });

        Assert.True(run.ExitCode == 0, run.Error);
        string[] expected =
        [
            "run", scripts.Job.ScenarioPath, "--shard", "2/3", "--out", Path.Join(scripts.ShardsDirectory, "2"),
            "--replicates", "2000", "--seed", "7", "--threads", "4", "--quiet",
        ];
        Assert.Equal(expected, Assert.Single(Bash.RecordedCalls(log)));
        Assert.Contains("trialsim shard 2/3: done", run.Output);
    }

    [Fact]
    public void Array_task_fails_when_trialsim_fails_or_when_run_outside_an_array()
    {
        if (!Bash.IsAvailable) return;
        using var temporary = new TemporaryDirectory();
        var (scripts, _) = RecordingJob(temporary, job => job with { TrialSimCommand = "false" });
        var failed = Bash.Run([scripts.ArrayJobPath], new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "1" });
        Assert.NotEqual(0, failed.ExitCode);
        Assert.DoesNotContain("done", failed.Output);

        var outside = Bash.Run([scripts.ArrayJobPath]);
        Assert.NotEqual(0, outside.ExitCode);
        Assert.Contains("runs as a task of a Slurm job array", outside.Error);
    }

    [Fact]
    public void Merge_passes_every_shard_in_order_and_stops_naming_a_missing_one()
    {
        if (!Bash.IsAvailable) return;
        using var temporary = new TemporaryDirectory();
        var (scripts, log) = RecordingJob(temporary, job => job);
        string[] shards = [.. Enumerable.Range(1, 3).Select(k => Path.Join(scripts.ShardsDirectory, k.ToString()))];
        foreach (string shard in shards) Directory.CreateDirectory(shard);

        var merged = Bash.Run([scripts.MergeJobPath]);
        Assert.True(merged.ExitCode == 0, merged.Error);
        Assert.Equal(["merge", .. shards, "--out", scripts.ResultDirectory, "--quiet"], Assert.Single(Bash.RecordedCalls(log)));

        Directory.Delete(shards[1]);
        var missing = Bash.Run([scripts.MergeJobPath]);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains($"shard 2/3 has no output ({shards[1]})", missing.Error);
        Assert.Single(Bash.RecordedCalls(log)); // trialsim merge did not run again
    }

    [Fact]
    public void Submit_queues_the_array_then_the_merge_on_its_id_and_prints_both_ids()
    {
        if (!Bash.IsAvailable) return;
        using var temporary = new TemporaryDirectory();
        var (scripts, _) = RecordingJob(temporary, job => job);
        string bin = temporary.File("bin");
        Directory.CreateDirectory(bin);
        string sbatchLog = temporary.File("sbatch.log");
        // The first call answers as a multi-cluster sbatch does ("id;cluster"), the second with an id.
        Bash.ArgumentRecorder(Path.Join(bin, "sbatch"), sbatchLog,
            $"if [ -e '{temporary.File("queued")}' ]; then echo 42; else touch '{temporary.File("queued")}'; echo '41;cluster'; fi");

        var submitted = Bash.Run([scripts.SubmitPath], new Dictionary<string, string> { ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH") });

        Assert.True(submitted.ExitCode == 0, submitted.Error);
        var calls = Bash.RecordedCalls(sbatchLog);
        Assert.Equal(2, calls.Count);
        Assert.Equal(["--parsable", scripts.ArrayJobPath], calls[0]);
        Assert.Equal(["--parsable", "--dependency=afterok:41", "--kill-on-invalid-dep=yes", scripts.MergeJobPath], calls[1]);
        Assert.Contains($"array job 41: 3 shard(s), logs in {scripts.LogsDirectory}\n", submitted.Output);
        Assert.Contains($"merge job 42: after every shard succeeds, result in {scripts.ResultDirectory}\n", submitted.Output);
    }

    /// <summary>The test job in an awkwardly named directory, written, with trialsim replaced by a recorder.</summary>
    private static (SlurmJobScripts Scripts, string Log) RecordingJob(TemporaryDirectory temporary, Func<SlurmJob, SlurmJob> adjust)
    {
        string log = temporary.File("trialsim.log");
        string recorder = Bash.ArgumentRecorder(temporary.File("trialsim"), log);
        var job = adjust(Job with
        {
            ScenarioPath = temporary.File("my scenario.yaml"),
            Directory = temporary.File(AwkwardName),
            TrialSimCommand = ShellQuote.Word(recorder),
        });
        var scripts = SlurmJobScripts.For(job);
        scripts.Write();
        return (scripts, log);
    }
}

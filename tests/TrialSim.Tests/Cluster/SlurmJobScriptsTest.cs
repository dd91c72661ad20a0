using TrialSim.Cluster;
using TrialSim.Tests.Cli;

namespace TrialSim.Tests.Cluster;

/// <summary>The text of the generated scripts; <c>SlurmJobScriptsTest.Running.cs</c> runs them.</summary>
public partial class SlurmJobScriptsTest
{
    private static readonly SlurmJob Job = new("/data/trials/ssg-xxv.yaml", 3, "/scratch/run 1", "/usr/bin/dotnet /opt/trialsim/TrialSim.Cli.dll");

    [Fact]
    public void Array_job_has_one_task_per_shard_and_task_K_runs_shard_K_into_shards_K()
    {
        string text = SlurmJobScripts.For(Job).ArrayJob;
        Assert.StartsWith("#!/bin/bash\n", text);
        Assert.Contains("#SBATCH --array=1-3\n", text);
        Assert.Contains("#SBATCH --job-name=trialsim-ssg-xxv\n", text);
        Assert.Contains("#SBATCH --output='/scratch/run 1/logs/%A_%a.out'\n", text);
        Assert.Contains("set -euo pipefail\n", text);
        Assert.Contains("/usr/bin/dotnet /opt/trialsim/TrialSim.Cli.dll run /data/trials/ssg-xxv.yaml --shard \"$shard/3\" --out '/scratch/run 1/shards/'\"$shard\"", text);
        Assert.Contains(" --quiet\n", text);
        AssertDirectivesComeFirst(text);
    }

    [Fact]
    public void Merge_job_names_every_shard_directory_and_writes_result()
    {
        string text = SlurmJobScripts.For(Job).MergeJob;
        Assert.DoesNotContain("--array", text);
        Assert.Contains("#SBATCH --job-name=trialsim-ssg-xxv-merge\n", text);
        Assert.Contains("#SBATCH --output='/scratch/run 1/logs/merge-%j.out'\n", text);
        Assert.Contains("for ((shard = 1; shard <= 3; shard++)); do\n", text);
        Assert.Contains("directory='/scratch/run 1/shards/'\"$shard\"\n", text);
        Assert.DoesNotContain("*", text.Replace("\"${shards[@]}\"", ""));
        Assert.Contains("/usr/bin/dotnet /opt/trialsim/TrialSim.Cli.dll merge \"${shards[@]}\" --out '/scratch/run 1/result' --quiet\n", text);
        AssertDirectivesComeFirst(text);
    }

    [Fact]
    public void Submit_queues_the_merge_to_run_after_every_array_task_succeeds()
    {
        string text = SlurmJobScripts.For(Job).Submit;
        Assert.Contains("array_job=$(sbatch --parsable '/scratch/run 1/trialsim-array.sbatch')\n", text);
        Assert.Contains("sbatch --parsable --dependency=afterok:\"$array_job\" --kill-on-invalid-dep=yes '/scratch/run 1/trialsim-merge.sbatch'", text);
        Assert.True(text.IndexOf("trialsim-array.sbatch", StringComparison.Ordinal) < text.IndexOf("trialsim-merge.sbatch", StringComparison.Ordinal));
        Assert.Contains("echo \"array job $array_job:", text);
        Assert.Contains("echo \"merge job $merge_job:", text);
    }

    [Fact]
    public void Given_options_reach_every_shard_and_both_jobs()
    {
        var job = Job with { Replicates = 2000, Seed = 18446744073709551615, Threads = 3, CpusPerTask = 4, TimeLimit = "2-00:00:00", Partition = "short", Account = "trials#1" };
        var scripts = SlurmJobScripts.For(job);
        Assert.Contains(" --replicates 2000 --seed 18446744073709551615 --threads 3 --quiet\n", scripts.ArrayJob);
        Assert.Contains("#SBATCH --cpus-per-task=4\n", scripts.ArrayJob);
        Assert.Contains("#SBATCH --cpus-per-task=1\n", scripts.MergeJob); // merging is light work
        foreach (string text in new[] { scripts.ArrayJob, scripts.MergeJob })
        {
            Assert.Contains("#SBATCH --time=2-00:00:00\n", text);
            Assert.Contains("#SBATCH --partition=short\n", text);
            Assert.Contains("#SBATCH --account='trials#1'\n", text); // unquoted, # would start a comment
        }
    }

    [Fact]
    public void Without_options_the_scenario_decides_and_threads_follow_the_allocation()
    {
        var scripts = SlurmJobScripts.For(Job);
        Assert.DoesNotContain("--replicates", scripts.ArrayJob);
        Assert.DoesNotContain("--seed", scripts.ArrayJob);
        Assert.Contains(" --threads \"${SLURM_CPUS_PER_TASK:-1}\" --quiet\n", scripts.ArrayJob);
        Assert.Contains("#SBATCH --cpus-per-task=1\n", scripts.ArrayJob);
        Assert.Contains("#SBATCH --time=01:00:00\n", scripts.ArrayJob);
        Assert.DoesNotContain("--partition", scripts.ArrayJob + scripts.MergeJob);
        Assert.DoesNotContain("--account", scripts.ArrayJob + scripts.MergeJob);
    }

    [Fact]
    public void Paths_with_quotes_and_percent_are_quoted_and_percent_is_doubled_only_in_file_patterns()
    {
        var scripts = SlurmJobScripts.For(Job with { Directory = "/scratch/Bob's 100%" });
        Assert.Contains("#SBATCH --output='/scratch/Bob'\\''s 100%%/logs/%A_%a.out'\n", scripts.ArrayJob);
        Assert.Contains("--out '/scratch/Bob'\\''s 100%/shards/'\"$shard\"", scripts.ArrayJob);
        Assert.Contains("--out '/scratch/Bob'\\''s 100%/result' --quiet", scripts.MergeJob);
    }

    [Fact]
    public void Job_name_keeps_only_safe_characters_of_the_scenario_name()
    {
        var scripts = SlurmJobScripts.For(Job with { ScenarioPath = "/data/my trial (v2).yaml" });
        Assert.Contains("#SBATCH --job-name=trialsim-my-trial--v2-\n", scripts.ArrayJob);
    }

    public static TheoryData<SlurmJob, string> BadJobs => new()
    {
        { Job with { ScenarioPath = "ssg-xxv.yaml" }, "ScenarioPath" },
        { Job with { Directory = "run" }, "Directory" },
        { Job with { Directory = @"/scratch/a\b" }, "Directory" },
        { Job with { Shards = 0 }, "Shards" },
        { Job with { Replicates = 0 }, "Replicates" },
        { Job with { Threads = -1 }, "Threads" },
        { Job with { CpusPerTask = 0 }, "CpusPerTask" },
        { Job with { TimeLimit = "1h" }, "TimeLimit" },
        { Job with { Partition = "" }, "Partition" },
        { Job with { Account = "a\nb" }, "Account" },
        { Job with { TrialSimCommand = " " }, "TrialSimCommand" },
        { Job with { TrialSimCommand = "trialsim\nrm -rf /" }, "TrialSimCommand" },
    };

    [Theory]
    [MemberData(nameof(BadJobs))]
    public void Bad_jobs_are_refused_naming_the_setting(SlurmJob job, string setting)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => SlurmJobScripts.For(job));
        Assert.Equal(setting, exception.ParamName);
    }

    [Fact]
    public void Write_puts_the_scripts_and_logs_in_the_directory_and_makes_submit_executable()
    {
        using var temporary = new TemporaryDirectory();
        var scripts = SlurmJobScripts.For(Job with { Directory = temporary.File("run 1") });
        scripts.Write();
        Assert.Equal(scripts.ArrayJob, File.ReadAllText(scripts.ArrayJobPath));
        Assert.Equal(scripts.MergeJob, File.ReadAllText(scripts.MergeJobPath));
        Assert.Equal(scripts.Submit, File.ReadAllText(scripts.SubmitPath));
        Assert.True(Directory.Exists(scripts.LogsDirectory), "Slurm does not create the directory of --output");
        Assert.Empty(Directory.GetFiles(temporary.Path, "*.tmp", SearchOption.AllDirectories));
        if (!OperatingSystem.IsWindows())
            Assert.True(File.GetUnixFileMode(scripts.SubmitPath).HasFlag(UnixFileMode.UserExecute));
    }

    /// <summary>sbatch reads #SBATCH lines only before the first command.</summary>
    private static void AssertDirectivesComeFirst(string text)
    {
        var lines = text.Split('\n');
        int lastDirective = Array.FindLastIndex(lines, l => l.StartsWith("#SBATCH ", StringComparison.Ordinal));
        int firstCommand = Array.FindIndex(lines, l => l.Length > 0 && !l.StartsWith('#'));
        Assert.True(lastDirective >= 0 && lastDirective < firstCommand, "every #SBATCH line comes before the first command");
    }
}

namespace TrialSim.Tests.Cli;

public class SlurmCommandTest
{
    [Fact]
    public void Writes_the_array_merge_and_submit_scripts_for_a_scenario()
    {
        using var directory = new TemporaryDirectory();
        string outDirectory = directory.File("slurm run");
        var run = CliRunner.Run("slurm", CliRunner.ShippedScenario("ssg-xxv.yaml"), "--shards", "4", "--out", outDirectory,
            "--replicates", "2000", "--seed", "7", "--threads", "2", "--cpus-per-task", "2", "--time", "00:30:00",
            "--partition", "short", "--account", "trials", "--trialsim", "/opt/trialsim/trialsim");

        Assert.True(run.ExitCode == 0, run.Error);
        string array = File.ReadAllText(Path.Join(outDirectory, "trialsim-array.sbatch"));
        Assert.Contains("#SBATCH --array=1-4\n", array);
        Assert.Contains($"/opt/trialsim/trialsim run {CliRunner.ShippedScenario("ssg-xxv.yaml")} --shard \"$shard/4\"", array);
        Assert.Contains(" --replicates 2000 --seed 7 --threads 2 --quiet\n", array);
        Assert.Contains("#SBATCH --cpus-per-task=2\n", array);
        Assert.Contains("#SBATCH --time=00:30:00\n", array);
        Assert.Contains("#SBATCH --partition=short\n", array);
        Assert.Contains("#SBATCH --account=trials\n", array);
        Assert.Contains("/opt/trialsim/trialsim merge", File.ReadAllText(Path.Join(outDirectory, "trialsim-merge.sbatch")));
        Assert.True(File.Exists(Path.Join(outDirectory, "submit.sh")));
        Assert.Contains("submit with: ", run.Output);
    }

    [Fact]
    public void Relative_paths_become_absolute_and_nodes_start_this_trialsim_by_default()
    {
        using var directory = new TemporaryDirectory();
        string relativeOut = Path.GetRelativePath(Environment.CurrentDirectory, directory.File("out"));
        var run = CliRunner.Run("slurm", CliRunner.ShippedScenario("ssg-xxv.yaml"), "--shards", "2", "--out", relativeOut);

        Assert.True(run.ExitCode == 0, run.Error);
        string array = File.ReadAllText(Path.Join(directory.File("out"), "trialsim-array.sbatch"));
        Assert.Contains($"--out {directory.File("out")}/shards/\"$shard\"", array);
        // The tests run under the dotnet host or a test host executable: either way, an absolute command.
        string process = Environment.ProcessPath!;
        Assert.Contains(Path.GetFileNameWithoutExtension(process) == "dotnet" ? $"{process} {typeof(TrialSim.Cli.TrialSimCommand).Assembly.Location} run " : $"{process} run ", array);
    }

    [Theory]
    [InlineData("--shards", "0", "--shards must be a whole number >= 1")]
    [InlineData("--shards", "-3", "--shards must be a whole number >= 1")]
    [InlineData("--replicates", "0", "--replicates must be a positive whole number")]
    [InlineData("--threads", "-1", "--threads must be 0")]
    [InlineData("--cpus-per-task", "0", "--cpus-per-task must be a whole number >= 1")]
    [InlineData("--time", "1h", "--time '1h' is not a Slurm time limit; expected MM, MM:SS, HH:MM:SS")]
    [InlineData("--partition", "", "--partition '' must be a non-empty name")]
    [InlineData("--account", "a\\b", "--account 'a\\b' must be a non-empty name without backslashes")]
    [InlineData("--trialsim", " ", "--trialsim must be a one-line shell command")]
    public void Bad_options_fail_with_exit_code_2_and_write_nothing(string option, string value, string message)
    {
        using var directory = new TemporaryDirectory();
        string outDirectory = directory.File("out");
        string[] shards = option == "--shards" ? [] : ["--shards", "3"];
        var run = CliRunner.Run(["slurm", CliRunner.ShippedScenario("ssg-xxv.yaml"), .. shards, "--out", outDirectory, option, value]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: " + message, run.Error);
        Assert.False(Directory.Exists(outDirectory), "nothing is written on bad input");
    }

    [Fact]
    public void Shards_and_out_are_required()
    {
        using var directory = new TemporaryDirectory();
        var noShards = CliRunner.Run("slurm", CliRunner.ShippedScenario("ssg-xxv.yaml"), "--out", directory.File("out"));
        Assert.Equal(2, noShards.ExitCode);
        Assert.Contains("error: --shards is required", noShards.Error);
        var noOut = CliRunner.Run("slurm", CliRunner.ShippedScenario("ssg-xxv.yaml"), "--shards", "2");
        Assert.Equal(2, noOut.ExitCode);
        Assert.Contains("error: --out is required", noOut.Error);
        var notANumber = CliRunner.Run("slurm", CliRunner.ShippedScenario("ssg-xxv.yaml"), "--shards", "many", "--out", directory.File("out"));
        Assert.NotEqual(0, notANumber.ExitCode);
        Assert.False(Directory.Exists(directory.File("out")));
    }

    [Fact]
    public void A_scenario_that_does_not_load_fails_with_exit_code_2_and_writes_nothing()
    {
        using var directory = new TemporaryDirectory();
        File.WriteAllText(directory.File("bad.yaml"), "name: bad\nreplicates: many\n");
        foreach (string scenario in new[] { directory.File("missing.yaml"), directory.File("bad.yaml") })
        {
            var run = CliRunner.Run("slurm", scenario, "--shards", "2", "--out", directory.File("out"));
            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"error: {scenario}", run.Error);
            Assert.False(Directory.Exists(directory.File("out")));
        }
    }
}

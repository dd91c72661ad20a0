using TrialSim.Tests.Sweeps;

namespace TrialSim.Tests.Cli;

/// <summary>A run into a directory holding an earlier run's results removes them before it starts,
/// so no result file of one run is ever left beside another run's scenario.yaml.</summary>
public class EarlierResultsTest
{
    /// <summary>A directory with the results of a finished run, trials.parquet and looks.parquet included.</summary>
    private static string EarlierRun(TemporaryDirectory directory)
    {
        string path = SweepExamples.Write(directory.File("gsd.yaml"), SweepExamples.GroupSequential);
        string outDirectory = directory.File("out");
        var run = CliRunner.Run("run", path, "--replicates", "100", "--trials", "--quiet", "--out", outDirectory);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(
            ["arms.parquet", "looks.parquet", "points/point=0/part-0.parquet", "points/point=1/part-0.parquet", "summary.parquet", "trials.parquet"],
            ResultFiles.In(outDirectory));
        return outDirectory;
    }

    [Fact]
    public void Shard_leaves_no_result_files_of_the_earlier_run()
    {
        using var directory = new TemporaryDirectory();
        string outDirectory = EarlierRun(directory);
        string path = SweepExamples.Write(directory.File("sizes.yaml"), SweepExamples.SampleSizes);
        var shard = CliRunner.Run("run", path, "--shard", "1/2", "--replicates", "100", "--quiet", "--out", outDirectory);
        Assert.True(shard.ExitCode == 0, shard.Error);
        Assert.Empty(ResultFiles.In(outDirectory));
        Assert.Equal(SweepExamples.SampleSizes, File.ReadAllText(Path.Combine(outDirectory, "scenario.yaml")));
    }

    [Fact]
    public void Run_without_trials_leaves_no_trials_file_of_the_earlier_run()
    {
        using var directory = new TemporaryDirectory();
        string outDirectory = EarlierRun(directory);
        string path = SweepExamples.Write(directory.File("sizes.yaml"), SweepExamples.SampleSizes);
        var run = CliRunner.Run("run", path, "--replicates", "100", "--quiet", "--out", outDirectory);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(
            ["arms.parquet", "points/point=0/part-0.parquet", "points/point=1/part-0.parquet", "points/point=2/part-0.parquet",
             "points/point=3/part-0.parquet", "summary.parquet"],
            ResultFiles.In(outDirectory));
    }

    [Fact]
    public void Resume_over_another_run_is_refused_and_keeps_its_results()
    {
        using var directory = new TemporaryDirectory();
        string outDirectory = EarlierRun(directory);
        string[] before = ResultFiles.In(outDirectory);
        string path = SweepExamples.Write(directory.File("sizes.yaml"), SweepExamples.SampleSizes);
        var run = CliRunner.Run("run", path, "--replicates", "100", "--resume", "--quiet", "--out", outDirectory);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("holds checkpoints of a different run", run.Error);
        Assert.Equal(before, ResultFiles.In(outDirectory));
    }
}

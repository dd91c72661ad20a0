using TrialSim.Running;
using TrialSim.Tests.Sweeps;

namespace TrialSim.Tests.Cli;

/// <summary>A sweep run as shards and merged writes the same bytes as one run, however it is split or threaded.</summary>
public class ShardMergeTest
{
    public static TheoryData<string, string, int> Sweeps => new()
    {
        // case, sweep, replicates
        { "12-point grid with cases and a zip", SweepExamples.Grid, 600 },
        { "sample sizes, two chunks per truth", SweepExamples.SampleSizes, SimulationRunner.ChunkReplicates + 200 },
        { "group-sequential design with looks", SweepExamples.GroupSequential, 300 },
    };

    private static void Succeeds((int ExitCode, string Output, string Error) run, string what) =>
        Assert.True(run.ExitCode == 0, $"{what}: exit {run.ExitCode}: {run.Error}");

    /// <summary>Runs <paramref name="path"/> as <paramref name="shards"/> shards and merges them into OUT; returns OUT.</summary>
    private static string RunShardsAndMerge(TemporaryDirectory directory, string path, int replicates, int shards, string threads, string name)
    {
        var shardDirectories = new List<string>();
        for (int k = 1; k <= shards; k++)
        {
            string shard = directory.File($"{name}-shard{k}");
            Succeeds(CliRunner.Run("run", path, "--replicates", $"{replicates}", "--threads", threads, "--shard", $"{k}/{shards}", "--quiet", "--out", shard), $"shard {k}/{shards}");
            shardDirectories.Add(shard);
        }
        string merged = directory.File(name);
        Succeeds(CliRunner.Run(["merge", .. shardDirectories, "--quiet", "--out", merged]), "merge");
        return merged;
    }

    [Theory]
    [MemberData(nameof(Sweeps))]
    public void Three_shards_merged_equal_one_run(string @case, string sweep, int replicates)
    {
        using var directory = new TemporaryDirectory();
        string path = SweepExamples.Write(directory.File("sweep.yaml"), sweep);
        string whole = directory.File("whole");
        Succeeds(CliRunner.Run("run", path, "--replicates", $"{replicates}", "--threads", "2", "--quiet", "--out", whole), "whole run");
        string merged = RunShardsAndMerge(directory, path, replicates, 3, threads: "1", "merged");
        ResultFiles.AssertIdentical(whole, merged, @case);
    }

    [Fact]
    public void Looks_file_is_among_the_identical_files_for_a_design_with_looks()
    {
        using var directory = new TemporaryDirectory();
        string path = SweepExamples.Write(directory.File("gsd.yaml"), SweepExamples.GroupSequential);
        Succeeds(CliRunner.Run("run", path, "--quiet", "--out", directory.File("whole")), "whole run");
        Assert.Equal(
            ["arms.parquet", "looks.parquet", "points/point=0/part-0.parquet", "points/point=1/part-0.parquet", "summary.parquet"],
            ResultFiles.In(directory.File("whole")));
    }

    [Theory]
    [MemberData(nameof(Sweeps))]
    public void Sweep_output_is_byte_identical_for_one_and_two_threads(string @case, string sweep, int replicates)
    {
        using var directory = new TemporaryDirectory();
        string path = SweepExamples.Write(directory.File("sweep.yaml"), sweep);
        foreach (string threads in new[] { "1", "2" })
            Succeeds(CliRunner.Run("run", path, "--replicates", $"{replicates}", "--threads", threads, "--quiet", "--out", directory.File("t" + threads)), "--threads " + threads);
        ResultFiles.AssertIdentical(directory.File("t1"), directory.File("t2"), @case);
    }

    [Fact]
    public void Shards_merged_in_any_order_and_count_give_the_same_bytes()
    {
        using var directory = new TemporaryDirectory();
        string path = SweepExamples.Write(directory.File("sweep.yaml"), SweepExamples.SampleSizes);
        string two = RunShardsAndMerge(directory, path, 700, 2, threads: "2", "two");
        string five = RunShardsAndMerge(directory, path, 700, 5, threads: "1", "five");
        ResultFiles.AssertIdentical(two, five, "2 shards vs 5 shards");
        string reversed = directory.File("reversed");
        Succeeds(CliRunner.Run(["merge", .. Enumerable.Range(1, 5).Reverse().Select(k => directory.File($"five-shard{k}")), "--quiet", "--out", reversed]), "merge reversed");
        ResultFiles.AssertIdentical(two, reversed, "shards given in reverse order");
    }

    [Fact]
    public void Shard_writes_its_share_of_units_and_no_results()
    {
        using var directory = new TemporaryDirectory();
        string path = SweepExamples.Write(directory.File("sweep.yaml"), SweepExamples.SampleSizes);
        // 4 points x 2 truths x 1 chunk = 8 units: shard 1/3 takes ordinals 0, 3, 6.
        var run = CliRunner.Run("run", path, "--shard", "1/3", "--quiet", "--out", directory.File("shard"));
        Succeeds(run, "shard 1/3");
        Assert.Contains("3 work units", run.Output);
        Assert.Equal(["p000000-t000-c00000.unit", "p000001-t001-c00000.unit", "p000003-t000-c00000.unit"],
            Directory.GetFiles(directory.File("shard/units"), "*.unit").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(ResultFiles.In(directory.File("shard")));
    }
}

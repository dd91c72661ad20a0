using TrialSim.Tests.Sweeps;

namespace TrialSim.Tests.Cli;

/// <summary>trialsim merge refuses anything but the complete shards of one run: exit code 2, a clear error, no results.</summary>
public class MergeCommandErrorTest : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly string _path;

    public MergeCommandErrorTest() => _path = SweepExamples.Write(_directory.File("sweep.yaml"), SweepExamples.SampleSizes);

    public void Dispose() => _directory.Dispose();

    /// <summary>Runs shard K/N of the sweep into its own directory; returns the directory.</summary>
    private string Shard(int k, int n, params string[] options)
    {
        string directory = _directory.File($"shard{k}of{n}" + string.Concat(options));
        var run = CliRunner.Run(["run", _path, "--shard", $"{k}/{n}", "--replicates", "300", "--quiet", "--out", directory, .. options]);
        Assert.True(run.ExitCode == 0, run.Error);
        return directory;
    }

    /// <summary>Merging <paramref name="directories"/> fails with exit code 2, says <paramref name="says"/> and writes no results.</summary>
    private void MergeFails(string says, params string[] directories)
    {
        string merged = _directory.File("merged");
        var run = CliRunner.Run(["merge", .. directories, "--out", merged]);
        Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.Error}");
        Assert.Contains(says, run.Error);
        Assert.StartsWith("error: ", run.Error);
        Assert.False(File.Exists(Path.Combine(merged, "summary.parquet")), "no results from a failed merge");
        Assert.False(Directory.Exists(Path.Combine(merged, "points")), "no partitions from a failed merge");
    }

    [Fact]
    public void Missing_shard_names_the_first_unit_no_shard_holds()
    {
        // 8 units in all; shard 2/3 holds ordinals 1, 4, 7 = point 0 truth 1, point 2 truth 0, point 3 truth 1.
        MergeFails("no shard holds point 0, truth 1, chunk 0 (file p000000-t001-c00000.unit)", Shard(1, 3), Shard(3, 3));
    }

    [Fact]
    public void Shard_with_a_deleted_unit_names_that_unit()
    {
        string first = Shard(1, 2), second = Shard(2, 2);
        File.Delete(Path.Combine(second, "units", "p000002-t001-c00000.unit"));
        MergeFails("no shard holds point 2, truth 1, chunk 0", first, second);
    }

    [Fact]
    public void Shards_of_runs_with_different_seeds_are_refused()
    {
        string first = Shard(1, 2);
        string other = Shard(2, 2, "--seed", "12");
        MergeFails($"{other}: a shard of a different run", first, other);
    }

    [Fact]
    public void Shards_of_runs_with_different_replicates_are_refused()
    {
        string first = Shard(1, 2);
        string other = _directory.File("more-replicates");
        Assert.Equal(0, CliRunner.Run("run", _path, "--shard", "2/2", "--replicates", "400", "--quiet", "--out", other).ExitCode);
        MergeFails("replicates=400", first, other);
    }

    [Fact]
    public void Shards_of_different_scenarios_are_refused()
    {
        string first = Shard(1, 2);
        string otherPath = SweepExamples.Write(_directory.File("other.yaml"), SweepExamples.SampleSizes.Replace("values: [20, 24, 28, 32]", "values: [20, 24, 28, 36]"));
        string other = _directory.File("other-scenario");
        Assert.Equal(0, CliRunner.Run("run", otherPath, "--shard", "2/2", "--replicates", "300", "--quiet", "--out", other).ExitCode);
        MergeFails("a shard of a different run", first, other);
    }

    [Fact]
    public void Directory_that_is_not_a_shard_is_refused()
    {
        string first = Shard(1, 2), second = Shard(2, 2);
        string empty = _directory.File("empty");
        Directory.CreateDirectory(empty);
        MergeFails($"{empty}: not a shard directory", first, second, empty);
        MergeFails($"{Path.Combine(second, "units")}: not a shard directory", first, Path.Combine(second, "units"));
        MergeFails($"{_directory.File("absent")}: not a shard directory", first, _directory.File("absent"));
    }

    [Fact]
    public void Truncated_unit_in_a_shard_names_the_file()
    {
        string first = Shard(1, 2), second = Shard(2, 2);
        string unit = Path.Combine(second, "units", "p000000-t001-c00000.unit");
        File.WriteAllBytes(unit, File.ReadAllBytes(unit)[..40]);
        MergeFails($"{unit}: truncated unit file", first, second);
    }

    [Fact]
    public void Complete_shards_merge()
    {
        string merged = _directory.File("merged");
        var run = CliRunner.Run("merge", Shard(1, 2), Shard(2, 2), "--quiet", "--out", merged);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(File.Exists(Path.Combine(merged, "summary.parquet")));
    }
}

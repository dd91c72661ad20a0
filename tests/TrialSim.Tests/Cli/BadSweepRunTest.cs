using TrialSim.Tests.Sweeps;

namespace TrialSim.Tests.Cli;

/// <summary>A bad sweep is refused whole before any point runs: exit code 2, the error located, nothing written.</summary>
public class BadSweepRunTest
{
    public static TheoryData<string, string, string> Cases => new()
    {
        // case, yaml, what the error names (file:line:column: field)
        { "unknown field", SweepExamples.WithSweep("sweep:\n  grid:\n    n: {field: accrual.targt, values: [20, 30]}"), "bad.yaml:14:16: field 'sweep.grid.n.field'" },
        { "zip lengths differ", SweepExamples.WithSweep("sweep:\n  zip:\n    rate: {field: accrual.rate, values: [1, 2]}\n    alpha: {field: \"analyses[0].alpha\", values: [0.1]}"), "bad.yaml:15:" },
        { "only the last point is invalid", SweepExamples.WithSweep("sweep:\n  grid:\n    n: {field: accrual.target, values: [20, 30, 0]}"), "bad.yaml:14:49: field 'accrual.target'" },
        // An axis named after an output column would give summary.parquet two such columns (DuckDB then reads the wrong one).
        { "axis named after a summary column", SweepExamples.WithSweep("sweep:\n  grid:\n    rejection_rate: {field: accrual.target, values: [20, 30]}"), "bad.yaml: field 'sweep': a sweep axis has the name of an output column (two columns named 'rejection_rate')" },
        { "axis named after an arms column", SweepExamples.WithSweep("sweep:\n  grid:\n    deaths_mean: {field: accrual.target, values: [20, 30]}"), "two columns named 'deaths_mean'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_exits_2_names_the_error_and_writes_nothing(string @case, string yaml, string located)
    {
        using var directory = new TemporaryDirectory();
        string path = SweepExamples.Write(directory.File("bad.yaml"), yaml);
        string outDirectory = directory.File("out");
        var run = CliRunner.Run("run", path, "--quiet", "--out", outDirectory);
        Assert.True(run.ExitCode == 2, $"{@case}: exit {run.ExitCode}: {run.Error}");
        Assert.Contains(located, run.Error);
        Assert.Equal("", run.Output);
        Assert.False(Directory.Exists(outDirectory), $"{@case}: nothing is written for a bad sweep");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Shard_and_resume_runs_refuse_it_too(string @case, string yaml, string located)
    {
        using var directory = new TemporaryDirectory();
        string path = SweepExamples.Write(directory.File("bad.yaml"), yaml);
        foreach (string[] extra in new[] { new[] { "--shard", "1/2" }, new[] { "--resume" } })
        {
            string outDirectory = directory.File("out" + extra.Length);
            var run = CliRunner.Run(["run", path, "--quiet", "--out", outDirectory, .. extra]);
            Assert.True(run.ExitCode == 2, $"{@case} {string.Join(' ', extra)}: exit {run.ExitCode}: {run.Error}");
            Assert.Contains(located, run.Error);
            Assert.False(Directory.Exists(outDirectory), $"{@case} {string.Join(' ', extra)}: nothing is written");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_exits_2_with_the_same_location(string @case, string yaml, string located)
    {
        using var directory = new TemporaryDirectory();
        var run = CliRunner.Run("validate", SweepExamples.Write(directory.File("bad.yaml"), yaml));
        Assert.True(run.ExitCode == 2, $"{@case}: exit {run.ExitCode}: {run.Error}");
        Assert.Contains(located, run.Error);
    }
}

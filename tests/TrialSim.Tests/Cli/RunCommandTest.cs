using Parquet;
using Parquet.Schema;

namespace TrialSim.Tests.Cli;

public class RunCommandTest
{
    /// <summary>Counter-based streams and fixed-order merging: the bytes do not depend on the thread count.</summary>
    [Theory]
    [InlineData("ssg-xxv-as-run.yaml")]
    [InlineData("gist-ten.yaml")]
    public void Output_is_byte_identical_for_one_and_two_threads(string name)
    {
        using var directory = new TemporaryDirectory();
        string scenario = CliRunner.ShippedScenario(name);
        var one = CliRunner.Run("run", scenario, "--replicates", "3000", "--threads", "1", "--trials", "--quiet", "--out", directory.File("t1"));
        var two = CliRunner.Run("run", scenario, "--replicates", "3000", "--threads", "2", "--trials", "--quiet", "--out", directory.File("t2"));
        Assert.True(one.ExitCode == 0, one.Error);
        Assert.True(two.ExitCode == 0, two.Error);
        foreach (string file in new[] { "summary.parquet", "arms.parquet", "trials.parquet" })
        {
            byte[] a = File.ReadAllBytes(Path.Combine(directory.File("t1"), file));
            byte[] b = File.ReadAllBytes(Path.Combine(directory.File("t2"), file));
            Assert.True(a.Length > 0);
            Assert.True(a.AsSpan().SequenceEqual(b), $"{file} differs between --threads 1 and 2");
        }
    }

    [Fact]
    public async Task Summary_has_one_row_per_point_and_analysis_with_provenance_metadata()
    {
        using var directory = new TemporaryDirectory();
        string scenario = CliRunner.ShippedScenario("ssg-xxv.yaml");
        var run = CliRunner.Run("run", scenario, "--replicates", "500", "--seed", "99", "--quiet", "--out", directory.Path);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("km-landmark-36", run.Output);
        Assert.False(File.Exists(directory.File("trials.parquet")), "trials.parquet only with --trials");
        Assert.Empty(Directory.GetFiles(directory.Path, "*.tmp", SearchOption.AllDirectories));

        await using var reader = await ParquetReader.CreateAsync(directory.File("summary.parquet"));
        Assert.Equal("99", reader.CustomMetadata["trialsim.seed"]);
        Assert.Equal("500", reader.CustomMetadata["trialsim.replicates"]);
        Assert.Equal(64, reader.CustomMetadata["trialsim.scenario_sha256"].Length);
        Assert.False(string.IsNullOrEmpty(reader.CustomMetadata["trialsim.version"]));
        using var rowGroup = reader.OpenRowGroupReader(0);
        Assert.Equal(2 * 3, rowGroup.RowCount); // H0, H1 x three analyses
        var field = (DataField)reader.Schema.Fields.Single(f => f.Name == "rejection_rate");
        var rates = new double[rowGroup.RowCount];
        await rowGroup.ReadAsync<double>(field, rates);
        Assert.All(rates, r => Assert.InRange(r, 0, 1));
    }

    [Fact]
    public async Task Trials_file_has_one_row_per_trial_and_analysis()
    {
        using var directory = new TemporaryDirectory();
        var run = CliRunner.Run("run", CliRunner.ShippedScenario("ssg-xxv.yaml"), "--replicates", "700", "--trials", "--quiet", "--out", directory.Path);
        Assert.True(run.ExitCode == 0, run.Error);
        await using var reader = await ParquetReader.CreateAsync(directory.File("trials.parquet"));
        long rows = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var rowGroup = reader.OpenRowGroupReader(g);
            rows += rowGroup.RowCount;
        }
        Assert.Equal(700L * 2 * 3, rows);
    }

    [Theory]
    [InlineData("--replicates", "0")]
    [InlineData("--replicates", "-5")]
    [InlineData("--threads", "-1")]
    public void Bad_options_fail_clearly_and_write_nothing(string option, string value)
    {
        using var directory = new TemporaryDirectory();
        string outDirectory = directory.File("out");
        var run = CliRunner.Run("run", CliRunner.ShippedScenario("ssg-xxv.yaml"), option, value, "--quiet", "--out", outDirectory);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(option, run.Error);
        Assert.False(Directory.Exists(outDirectory) && Directory.EnumerateFileSystemEntries(outDirectory).Any(), "nothing is written on bad input");
    }

    [Fact]
    public void Missing_scenario_file_names_the_file_and_writes_nothing()
    {
        using var directory = new TemporaryDirectory();
        string missing = directory.File("no-such-scenario.yaml");
        var run = CliRunner.Run("run", missing, "--quiet", "--out", directory.File("out"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no-such-scenario.yaml", run.Error);
        Assert.False(Directory.Exists(directory.File("out")));
    }

    [Fact]
    public void Bad_scenario_names_file_line_and_field_and_writes_nothing()
    {
        using var directory = new TemporaryDirectory();
        string text = File.ReadAllText(CliRunner.ShippedScenario("ssg-xxv.yaml")).Replace("rate: 1.25", "rate: -1.25");
        string path = directory.File("bad.yaml");
        File.WriteAllText(path, text);
        int line = Array.FindIndex(text.Split('\n'), l => l.Contains("rate: -1.25")) + 1;
        var run = CliRunner.Run("run", path, "--quiet", "--out", directory.File("out"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"bad.yaml:{line}:", run.Error);
        Assert.Contains("accrual.rate", run.Error);
        Assert.False(Directory.Exists(directory.File("out")));
    }
}

public class ArmsOutputTest
{
    [Fact]
    public async Task Arms_file_has_one_row_per_point_and_arm()
    {
        using var directory = new TemporaryDirectory();
        var run = CliRunner.Run("run", CliRunner.ShippedScenario("gist-ten.yaml"), "--replicates", "300", "--quiet", "--out", directory.Path);
        Assert.True(run.ExitCode == 0, run.Error);
        await using var reader = await Parquet.ParquetReader.CreateAsync(directory.File("arms.parquet"));
        using var rowGroup = reader.OpenRowGroupReader(0);
        Assert.Equal(2 * 2, rowGroup.RowCount); // two truths x stop, continue
        var field = (Parquet.Schema.DataField)reader.Schema.Fields.Single(f => f.Name == "months_off_drug_per_patient_mean");
        var months = new double[rowGroup.RowCount];
        await rowGroup.ReadAsync<double>(field, months);
        Assert.True(months[0] > months[1], "the stop arm spends longer off the drug than the continue arm");
    }
}

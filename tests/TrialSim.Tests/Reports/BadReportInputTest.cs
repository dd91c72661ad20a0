using Parquet;
using Parquet.Schema;
using TrialSim.Tests.Cli;

namespace TrialSim.Tests.Reports;

/// <summary>Input a report cannot be made from fails with exit code 2 and one message naming the path and the form expected.</summary>
public class BadReportInputTest
{
    [Theory]
    [InlineData("report")]
    [InlineData("plot")]
    public void Missing_path_fails_clearly(string command)
    {
        using var directory = new TemporaryDirectory();
        string missing = directory.File("no-such-run");
        var result = command == "report" ? CliRunner.Run("report", missing) : CliRunner.Run("plot", "power", missing, "--out", directory.File("p.png"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"error: {missing}: no such file or directory; expected a directory written by 'trialsim run'", result.Error);
    }

    [Fact]
    public void Directory_without_summary_fails_clearly()
    {
        using var directory = new TemporaryDirectory();
        var result = CliRunner.Run("report", directory.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{directory.Path}: no summary.parquet in this directory", result.Error);
        Assert.False(File.Exists(directory.File("report.html")));
    }

    [Fact]
    public void File_that_is_not_parquet_fails_clearly()
    {
        using var directory = new TemporaryDirectory();
        string file = directory.File("summary.parquet");
        File.WriteAllText(file, "truth,rejection_rate\nH0,0.05\n");
        var result = CliRunner.Run("report", file);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{file}: cannot be read as Parquet", result.Error);
        Assert.Contains("expected a Parquet file written by trialsim run", result.Error);
    }

    [Fact]
    public async Task Parquet_without_trialsim_metadata_fails_clearly()
    {
        using var directory = new TemporaryDirectory();
        string file = directory.File("other.parquet");
        var field = new DataField<double>("x");
        await using (var stream = File.Create(file))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(field), stream))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<double>(field, new double[] { 1, 2 });
        }
        var result = CliRunner.Run("report", file);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{file}: no 'trialsim.version' in the key-value metadata", result.Error);
    }

    [Theory]
    [InlineData("histogram", "fig.png", "unknown figure 'histogram'; valid figures: power, survival, accrual, boundaries, stopping")]
    [InlineData("power", "fig.jpg", "the file name must end in .png or .svg")]
    public void Plot_options_fail_clearly(string kind, string output, string message)
    {
        using var directory = new TemporaryDirectory();
        var result = CliRunner.Run("plot", kind, directory.Path, "--out", directory.File(output));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }
}

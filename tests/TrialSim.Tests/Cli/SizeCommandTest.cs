namespace TrialSim.Tests.Cli;

public class SizeCommandTest
{
    /// <summary>
    /// A single-arm design whose binomial test sees every patient's status at 12 months: its power
    /// at n patients is the exact binomial power (p0 = 0.15, p1 = 0.35, one-sided 0.05), which first
    /// reaches 0.8 at n = 28 (0.8179; n = 27 gives 0.7817; R: 1 - pbinom(r - 1, n, 0.35)).
    /// </summary>
    private const string ExactBinomialDesign = """
        name: exact binomial
        seed: 7
        replicates: 4000
        accrual: {target: 30, rate: 10}
        analysis_time: {after_last_patient: 12}
        truths:
          H1: {progression: {exponential: {survival: {time: 12, value: 0.35}}}}
        analyses:
          - {name: binomial-12, type: binomial_landmark, landmark: 12, null_rate: 0.15, alpha: 0.05}
        """;

    [Fact]
    public void Finds_the_exact_binomial_sample_size()
    {
        using var directory = new TemporaryDirectory();
        string file = directory.File("binomial.yaml");
        File.WriteAllText(file, ExactBinomialDesign);
        var run = CliRunner.Run("size", file, "--target-power", "0.8", "--param", "accrual.target", "--from", "20", "--to", "40");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("accrual_target = 28: power", run.Output);
        Assert.Contains("accrual_target = 27: power", run.Output);
        Assert.Contains("not monotone", run.Output);
        double power = double.Parse(run.Output.Split("accrual_target = 28: power ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(power, 0.8179 - 3 * 0.0061, 0.8179 + 3 * 0.0061);
    }

    [Fact]
    public void Searches_each_combination_of_the_other_axes_of_a_sweep()
    {
        using var directory = new TemporaryDirectory();
        string file = directory.File("sweep.yaml");
        File.WriteAllText(file, ExactBinomialDesign + """

            sweep:
              grid:
                n: {field: accrual.target, from: 20, to: 40, step: 1}
                alpha: {field: "analyses[0].alpha", values: [0.05, 0.1]}
            """);
        var run = CliRunner.Run("size", file, "--target-power", "0.8", "--param", "n");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("[alpha=0.05]", run.Output);
        Assert.Contains("[alpha=0.1]", run.Output);
        Assert.Contains("n = 28: power", run.Output);
    }

    [Theory]
    [InlineData("--target-power", "1.5", "--param", "accrual.target", "--from", "20", "--to", "40")]
    [InlineData("--target-power", "0.8", "--param", "accrual.target", "--from", "20")]
    [InlineData("--target-power", "0.8")]
    [InlineData("--target-power", "0.8", "--param", "accrual.targt", "--from", "20", "--to", "40")]
    [InlineData("--target-power", "0.8", "--param", "accrual.target", "--from", "40", "--to", "20")]
    [InlineData("--target-power", "0.8", "--param", "accrual.target", "--from", "20", "--to", "40", "--truth", "H9")]
    [InlineData("--target-power", "0.8", "--param", "accrual.target", "--from", "20", "--to", "40", "--analysis", "nope")]
    public void Bad_options_exit_2_with_a_message(params string[] options)
    {
        using var directory = new TemporaryDirectory();
        string file = directory.File("binomial.yaml");
        File.WriteAllText(file, ExactBinomialDesign);
        var run = CliRunner.Run(["size", file, .. options]);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error);
    }
}

namespace TrialSim.Tests.Cli;

public class DesignCommandTest
{
    [Fact]
    public void Design_prints_the_OBrien_Fleming_bounds_of_a_three_look_design()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("gsd.yaml");
        File.WriteAllText(path, File.ReadAllText(CliRunner.ShippedScenario("gsd-logrank.yaml")));
        var run = CliRunner.Run("design", path);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("2.96259", run.Output);
        Assert.Contains("2.35902", run.Output);
        Assert.Contains("2.01408", run.Output);
    }

    [Fact]
    public void Design_without_interim_looks_says_so()
    {
        var run = CliRunner.Run("design", CliRunner.ShippedScenario("ssg-xxv.yaml"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("no interim looks", run.Output);
    }
}

public class SimonDesignCommandTest
{
    [Fact]
    public void Design_prints_the_Simon_design_and_its_exact_alpha()
    {
        var run = CliRunner.Run("design", CliRunner.ShippedScenario("ssg-xxv-simon.yaml"));
        Assert.True(run.ExitCode == 0, run.Error);
        var design = TrialSim.Decisions.SimonSearch.Optimal(0.15, 0.35, 0.05, 0.2);
        Assert.Contains($"n1 = {design.FirstStageSize}", run.Output);
        Assert.Contains($"exact alpha {design.RejectionProbability(0.15).ToString("F5", System.Globalization.CultureInfo.InvariantCulture)}", run.Output);
    }
}

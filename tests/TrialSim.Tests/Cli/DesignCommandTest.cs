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

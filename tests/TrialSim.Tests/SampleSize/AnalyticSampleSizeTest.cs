using TrialSim.SampleSize;
using TrialSim.Scenarios;
using TrialSim.Tests.Cli;

namespace TrialSim.Tests.SampleSize;

public class AnalyticSampleSizeTest
{
    [Fact]
    public void Binomial_landmark_analysis_gets_the_exact_binomial_design()
    {
        var scenario = ScenarioLoader.Load(CliRunner.ShippedScenario("ssg-xxv.yaml"));
        int binomial = scenario.Analyses.Select((a, i) => (a, i)).Single(x => x.a.Name == "binomial-36").i;
        var lines = AnalyticSampleSize.Describe(scenario, 1, scenario.Analyses[binomial], 0.8);
        // A'Hern: p0 0.15, p1 0.35, one-sided 0.05, 80% -> 8/28 (exact power 0.8179).
        Assert.Contains(lines, line => line.Contains("28 patients evaluable at 36 months") && line.Contains("8 or more"));
    }

    [Fact]
    public void Log_rank_gets_Schoenfeld_and_Freedman_events_at_the_true_hazard_ratio()
    {
        var scenario = ScenarioLoader.Load(CliRunner.ShippedScenario("gsd-logrank.yaml"));
        var lines = AnalyticSampleSize.Describe(scenario, 1, scenario.Analyses[0], 0.8);
        // (1.95996 + 0.84162)^2 / (0.25 log(0.7)^2) = 246.8 (validation.md: 247 events at HR 0.7).
        string line = Assert.Single(lines);
        Assert.Contains("Schoenfeld 247 (246.8)", line);
        Assert.Contains("no allowance for interim looks", line);
    }

    [Fact]
    public void Analyses_without_a_formula_get_no_line()
    {
        var scenario = ScenarioLoader.Load(CliRunner.ShippedScenario("ssg-xxv.yaml"));
        Assert.Empty(AnalyticSampleSize.Describe(scenario, 1, scenario.Analyses[0], 0.8));
    }
}

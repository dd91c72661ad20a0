using TrialSim.Analyses;
using TrialSim.Cohorts;
using TrialSim.Conduct;
using TrialSim.Running;
using TrialSim.Reports;
using TrialSim.Scenarios;
using TrialSim.Tests.Cli;

namespace TrialSim.Tests.Reports;

public class SimulatedCurvesTest
{
    private static Scenario Shipped(string name) => ScenarioLoader.Load(CliRunner.ShippedScenario(name));

    [Fact]
    public void Simulated_Kaplan_Meier_curves_are_reproducible_and_one_per_arm()
    {
        var scenario = Shipped("gsd-logrank.yaml");
        var first = SimulatedKaplanMeier.Simulate(scenario, 20240701, truth: 1, trials: 3);
        var again = SimulatedKaplanMeier.Simulate(scenario, 20240701, truth: 1, trials: 3);
        var otherSeed = SimulatedKaplanMeier.Simulate(scenario, 1, truth: 1, trials: 3);
        Assert.Equal(3, first.Length);
        Assert.All(first, trial => Assert.Equal(2, trial.Length));
        Assert.True(first.SelectMany(t => t).SequenceEqual(again.SelectMany(t => t)));
        Assert.False(first.SelectMany(t => t).SequenceEqual(otherSeed.SelectMany(t => t)));
        foreach (var curve in first.SelectMany(t => t))
        {
            Assert.Equal(0, curve.Times[0]);
            Assert.Equal(1, curve.Values[0]);
            for (int i = 1; i < curve.Times.Length; i++)
            {
                Assert.True(curve.Times[i] >= curve.Times[i - 1]);
                Assert.True(curve.Values[i] <= curve.Values[i - 1]);
            }
        }
    }

    [Fact]
    public void Kaplan_Meier_step_curve_agrees_with_the_estimator_at_every_step()
    {
        var scenario = Shipped("gist-ten.yaml");
        var plan = SimulationPlan.Compile(scenario);
        var workspace = new TrialWorkspace(plan);
        CohortGenerator.Generate(workspace.Cohort, scenario, scenario.Points[1], workspace.Randomiser, new RandomStream(scenario.Seed, 0, 0, 0));
        DataCut.Cut(workspace.Cohort, scenario.AnalysisTime, scenario.Assessments, scenario.MaxFollowUp ?? double.PositiveInfinity, workspace.Observed);
        var observed = workspace.Observed;
        for (byte arm = 0; arm < 2; arm++)
        {
            var curve = SimulatedKaplanMeier.Curve(observed, arm);
            for (int i = 0; i < curve.Times.Length; i++)
                Assert.Equal(KaplanMeier.At(observed.Time, observed.IsEvent, observed.Arm, arm, curve.Times[i]).Survival, curve.Values[i], 12);
        }
    }

    [Fact]
    public void Accrual_projection_matches_Poisson_arrivals()
    {
        // SSG XXV as planned: 1.25 patients a month to 31. By 12 months the count is Poisson(15):
        // median 15, 10% quantile 10, 90% quantile 20.
        var scenario = Shipped("ssg-xxv.yaml");
        var projection = AccrualProjection.Simulate(scenario, scenario.Seed, simulations: 2000);
        int at12 = projection.Times.Select((t, i) => (t, i)).MinBy(p => Math.Abs(p.t - 12)).i;
        double t12 = projection.Times[at12];
        Assert.InRange(projection.Median[at12], 1.25 * t12 - 1, 1.25 * t12 + 1);
        Assert.InRange(projection.Lower[at12], 9, 11);
        Assert.InRange(projection.Upper[at12], 19, 21);
        Assert.Equal(0, projection.ClosedShortShare);
        // Time to the 31st arrival is Gamma(31, 1.25): median about 24.5 months.
        Assert.InRange(projection.MedianTimeToTarget, 23.5, 25.5);
        Assert.Equal(31, projection.Median[^1]);
    }

    [Fact]
    public void Accrual_projection_closes_at_max_duration()
    {
        var scenario = Shipped("ssg-xxv-as-run.yaml");
        var projection = AccrualProjection.Simulate(scenario, scenario.Seed, simulations: 500);
        Assert.Equal(29, projection.MaxDuration);
        Assert.Equal(1, projection.ClosedShortShare); // the README: it closes short of 31 in every simulated trial
        Assert.True(double.IsPositiveInfinity(projection.MedianTimeToTarget));
        Assert.InRange(projection.Median[^1], 11, 15); // mean 13.1 enrolled
    }

    [Fact]
    public void Run_writes_the_scenario_whose_hash_is_in_the_metadata()
    {
        using var directory = new TemporaryDirectory();
        string source = CliRunner.ShippedScenario("ssg-xxv.yaml");
        var run = CliRunner.Run("run", source, "--replicates", "50", "--quiet", "--out", directory.Path);
        Assert.True(run.ExitCode == 0, run.Error);
        string copy = File.ReadAllText(directory.File("scenario.yaml"));
        Assert.Equal(File.ReadAllText(source), copy);
        Assert.Equal(RunResultsReader.Read(directory.Path).Provenance.ScenarioSha256, ScenarioLoader.Hash(copy));
    }
}

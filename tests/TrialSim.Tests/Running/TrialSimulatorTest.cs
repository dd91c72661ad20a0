using TrialSim.Analyses;
using TrialSim.Cohorts;
using TrialSim.Conduct;
using TrialSim.Distributions;
using TrialSim.Running;
using TrialSim.Scenarios;

namespace TrialSim.Tests.Running;

public class TrialSimulatorTest
{
    private static Scenario ScannedScenario() => TestScenarios.SingleArm(
        31, new CureMixtureModel(0.362, new ExponentialModel(0.0665)),
        analysisTime: new AtEventCount(12, 200),
        assessments: AssessmentSchedule.FromSegments(2, [(3, 12), (4, 36), (6, 60)], 6),
        maxFollowUp: 60, dropout: new ExponentialModel(0.0045), death: new ExponentialModel(0.001), ineligibleFraction: 0.077,
        analyses: [new KaplanMeierLandmarkSpec("km", 0.05, 0.9, 36, 0.15), TestScenarios.Binomial36,
                   new OneSampleLogRankSpec("olr", 0.05, 0.9, ExponentialModel.ThroughLandmark(36, 0.15))]);

    /// <summary>The per-trial loop allocates nothing once the worker's workspace exists.</summary>
    [Fact]
    public void Simulating_a_trial_allocates_nothing()
    {
        var plan = SimulationPlan.Compile(ScannedScenario(), 1);
        var workspace = new TrialWorkspace(plan);
        for (uint r = 0; r < 50; r++) TrialSimulator.Simulate(plan, 0, r, workspace); // warm up (JIT, statics)
        Assert.Equal(0, AllocationMeter.SteadyStateBytes(() => { for (uint r = 50; r < 1050; r++) TrialSimulator.Simulate(plan, 0, r, workspace); }));
    }

    /// <summary>Same seed and replicate: the same trial, whatever ran before on the workspace.</summary>
    [Fact]
    public void A_replicate_is_a_pure_function_of_seed_and_replicate()
    {
        var plan = SimulationPlan.Compile(ScannedScenario(), 5);
        var first = new TrialWorkspace(plan);
        var second = new TrialWorkspace(plan);
        for (uint r = 0; r < 17; r++) TrialSimulator.Simulate(plan, 0, r, second);
        var a = TrialSimulator.Simulate(plan, 0, 42, first);
        var b = TrialSimulator.Simulate(plan, 0, 42, second);
        Assert.Equal(a, b);
        Assert.Equal(first.Results, second.Results);
        var c = TrialSimulator.Simulate(SimulationPlan.Compile(plan.Scenario, 6), 0, 42, second);
        Assert.NotEqual(a, c);
    }

    /// <summary>Common random numbers: a patient's uniforms do not depend on the sample size.</summary>
    [Fact]
    public void Patients_keep_their_times_when_the_sample_size_changes()
    {
        var model = new ExponentialModel(0.05);
        var small = new Cohort(20);
        var large = new Cohort(40);
        var stream = new RandomStream(9, 0, 3, 0);
        var smallScenario = TestScenarios.SingleArm(20, model, accrualRate: 1.0);
        var largeScenario = TestScenarios.SingleArm(40, model, accrualRate: 1.0);
        var randomiser = new BlockRandomiser(1, smallScenario.Arms, 1);
        CohortGenerator.Generate(small, smallScenario, smallScenario.Points[0], randomiser, stream);
        CohortGenerator.Generate(large, largeScenario, largeScenario.Points[0], randomiser, stream);
        Assert.Equal(small.Progression, large.Progression.AsSpan(0, 20).ToArray());
        Assert.Equal(small.Entry, large.Entry.AsSpan(0, 20).ToArray());
    }
}

public class TwoArmTrialSimulatorTest
{
    /// <summary>Gist-Ten as shipped (Bayesian rule with its memo, Fisher, log-rank, Cox, RMST, rechallenge, switching):
    /// after warm-up, a trial allocates nothing.</summary>
    [Fact]
    public void Simulating_a_gist_ten_trial_allocates_nothing()
    {
        var plan = SimulationPlan.Compile(ScenarioLoader.Load(TrialSim.Tests.Cli.CliRunner.ShippedScenario("gist-ten.yaml")));
        var workspace = new TrialWorkspace(plan);
        for (uint r = 0; r < 3000; r++) TrialSimulator.Simulate(plan, 1, r, workspace); // warm up, and fill the posterior memo
        // The same replicates again: memo hits only.
        Assert.Equal(0, AllocationMeter.SteadyStateBytes(() => { for (uint r = 0; r < 1000; r++) TrialSimulator.Simulate(plan, 1, r, workspace); }));
    }

    [Fact]
    public void Posterior_memo_returns_the_computed_probability()
    {
        var plan = SimulationPlan.Compile(ScenarioLoader.Load(TrialSim.Tests.Cli.CliRunner.ShippedScenario("gist-ten.yaml")));
        var workspace = new TrialWorkspace(plan);
        int bayes = plan.Scenario.Analyses.IndexOf(plan.Scenario.Analyses.First(a => a is BayesianRateSpec));
        for (uint r = 0; r < 200; r++)
        {
            TrialSimulator.Simulate(plan, 0, r, workspace);
            var memo = workspace.Results[bayes];
            var observed = workspace.Observed;
            var direct = TrialAnalysis.Analyze(plan.Scenario.Analyses[bayes], plan.Comparisons[bayes], observed, 1, cache: null);
            Assert.Equal(direct, memo);
        }
        Assert.True(plan.PosteriorCaches[bayes]!.Count > 0);
    }
}

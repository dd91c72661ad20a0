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
        var scenario = ScannedScenario();
        var workspace = new TrialWorkspace(scenario.Accrual.TargetSampleSize, scenario.Analyses.Length);
        var truth = scenario.Points[0];
        for (uint r = 0; r < 50; r++) TrialSimulator.Simulate(scenario, truth, 1, 0, r, workspace); // warm up (JIT, statics)
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (uint r = 50; r < 1050; r++) TrialSimulator.Simulate(scenario, truth, 1, 0, r, workspace);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }

    /// <summary>Same seed and replicate: the same trial, whatever ran before on the workspace.</summary>
    [Fact]
    public void A_replicate_is_a_pure_function_of_seed_and_replicate()
    {
        var scenario = ScannedScenario();
        var truth = scenario.Points[0];
        var first = new TrialWorkspace(31, 3);
        var second = new TrialWorkspace(31, 3);
        for (uint r = 0; r < 17; r++) TrialSimulator.Simulate(scenario, truth, 5, 0, r, second);
        var a = TrialSimulator.Simulate(scenario, truth, 5, 0, 42, first);
        var b = TrialSimulator.Simulate(scenario, truth, 5, 0, 42, second);
        Assert.Equal(a, b);
        Assert.Equal(first.Results, second.Results);
        var c = TrialSimulator.Simulate(scenario, truth, 6, 0, 42, second);
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
        CohortGenerator.Generate(small, new Accrual(20, new PiecewiseRate([0.0], [1.0]), null, 0, []), model, null, null, stream);
        CohortGenerator.Generate(large, new Accrual(40, new PiecewiseRate([0.0], [1.0]), null, 0, []), model, null, null, stream);
        Assert.Equal(small.Progression, large.Progression.AsSpan(0, 20).ToArray());
        Assert.Equal(small.Entry, large.Entry.AsSpan(0, 20).ToArray());
    }
}

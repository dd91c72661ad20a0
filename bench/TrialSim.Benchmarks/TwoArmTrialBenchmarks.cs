using BenchmarkDotNet.Attributes;
using TrialSim.Analyses;
using TrialSim.Cohorts;
using TrialSim.Conduct;
using TrialSim.Distributions;
using TrialSim.Running;
using TrialSim.Scenarios;

namespace TrialSim.Benchmarks;

/// <summary>
/// One randomised trial: 500 patients 1:1 over 12 months, exponential PFS with 12-month event
/// probabilities 0.4 (control) and 0.2 (experimental), cut at 100 events, log-rank and Cox (Efron).
/// </summary>
[MemoryDiagnoser]
public class TwoArmTrialBenchmarks
{
    private SimulationPlan _plan = null!;
    private TrialWorkspace _workspace = null!;
    private uint _replicate;

    [GlobalSetup]
    public void Setup()
    {
        var control = ExponentialModel.ThroughLandmark(12, 0.6);
        var experimental = ExponentialModel.ThroughLandmark(12, 0.8);
        var scenario = new Scenario("two-arm bench", null, 1, 1,
            new Accrual(500, new PiecewiseRate([0.0], [500 / 12.0]), null, 0, []),
            null, AssessmentSchedule.Continuous, null, new AtEventCount(100, null),
            [new TruthPoint("H1", [new ArmTruth(experimental), new ArmTruth(control)])],
            [new LogRankSpec("logrank", 0.025, 0.95, "experimental", "control", false),
             new CoxSpec("cox", 0.025, 0.95, "experimental", "control", CoxTies.Efron, false, 1)])
        {
            Arms = [new Arm("experimental", 1), new Arm("control", 1)],
            Randomisation = new PermutedBlockRandomisation([4]),
        };
        _plan = SimulationPlan.Compile(scenario);
        _workspace = new TrialWorkspace(_plan);
    }

    [Benchmark]
    public int OneTrial() => TrialSimulator.Simulate(_plan, 0, _replicate++, _workspace).Events;
}

using BenchmarkDotNet.Attributes;
using TrialSim.Conduct;
using TrialSim.Running;

namespace TrialSim.Benchmarks;

/// <summary>
/// One randomised trial (<see cref="TwoArmFixture"/>: 500 patients 1:1 over 12 months), cut at
/// 100 events, log-rank and Cox (Efron).
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
        _plan = SimulationPlan.Compile(TwoArmFixture.Scenario(new AtEventCount(100, null)));
        _workspace = new TrialWorkspace(_plan);
    }

    [Benchmark]
    public int OneTrial() => TrialSimulator.Simulate(_plan, 0, _replicate++, _workspace).Events;
}

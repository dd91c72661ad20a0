using BenchmarkDotNet.Attributes;
using TrialSim.Running;
using TrialSim.Scenarios;

namespace TrialSim.Benchmarks;

/// <summary>One whole simulated SSG XXV trial (cohort, scan-schedule data cut, three analyses), per truth.</summary>
[MemoryDiagnoser]
public class SingleArmTrialBenchmarks
{
    private SimulationPlan _plan = null!;
    private TrialWorkspace _workspace = null!;
    private uint _replicate;

    [Params("ssg-xxv.yaml", "ssg-xxv-as-run.yaml")] public string ScenarioFile { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _plan = SimulationPlan.Compile(ScenarioLoader.Load(RepositoryFiles.Scenario(ScenarioFile)));
        _workspace = new TrialWorkspace(_plan);
    }

    [Benchmark]
    public int OneTrial()
    {
        var outcome = TrialSimulator.Simulate(_plan, _plan.Scenario.Points.Length - 1, _replicate++, _workspace);
        return outcome.Events;
    }
}

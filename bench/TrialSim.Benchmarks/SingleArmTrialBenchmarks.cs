using BenchmarkDotNet.Attributes;
using TrialSim.Running;
using TrialSim.Scenarios;

namespace TrialSim.Benchmarks;

/// <summary>One whole simulated SSG XXV trial (cohort, scan-schedule data cut, three analyses), per truth.</summary>
[MemoryDiagnoser]
public class SingleArmTrialBenchmarks
{
    private Scenario _scenario = null!;
    private TrialWorkspace _workspace = null!;
    private uint _replicate;

    [Params("ssg-xxv.yaml", "ssg-xxv-as-run.yaml")] public string ScenarioFile { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _scenario = ScenarioLoader.Load(RepositoryFiles.Scenario(ScenarioFile));
        _workspace = new TrialWorkspace(_scenario.Accrual.TargetSampleSize, _scenario.Analyses.Length);
    }

    [Benchmark]
    public int OneTrial()
    {
        var outcome = TrialSimulator.Simulate(_scenario, _scenario.Points[^1], _scenario.Seed, 0, _replicate++, _workspace);
        return outcome.Events;
    }
}

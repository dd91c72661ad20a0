using BenchmarkDotNet.Attributes;
using TrialSim.Running;
using TrialSim.Scenarios;

namespace TrialSim.Benchmarks;

/// <summary>
/// One whole simulated trial of each shipped scenario (scenarios/*.yaml) at its last truth point:
/// cohort, interim looks if any, data cuts, every analysis. The workspace is warm and so are the
/// plan's memos (posterior probabilities, group-sequential bounds): <see cref="WarmUpTrials"/> trials
/// run in setup, so the measurement is the steady state of a long run.
/// </summary>
[MemoryDiagnoser]
public class ShippedScenarioBenchmarks
{
    private const int WarmUpTrials = 512;
    private SimulationPlan _plan = null!;
    private TrialWorkspace _workspace = null!;
    private int _point;
    private uint _replicate;

    public static IEnumerable<string> ScenarioFiles() => RepositoryFiles.ScenarioNames();

    [ParamsSource(nameof(ScenarioFiles))] public string ScenarioFile { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _plan = SimulationPlan.Compile(ScenarioLoader.Load(RepositoryFiles.Scenario(ScenarioFile)));
        _workspace = new TrialWorkspace(_plan);
        _point = _plan.Scenario.Points.Length - 1;
        for (_replicate = 0; _replicate < WarmUpTrials; _replicate++)
            TrialSimulator.Simulate(_plan, _point, _replicate, _workspace);
    }

    [Benchmark]
    public int OneTrial() => TrialSimulator.Simulate(_plan, _point, _replicate++, _workspace).Events;
}

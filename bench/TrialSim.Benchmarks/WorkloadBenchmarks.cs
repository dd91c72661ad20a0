using BenchmarkDotNet.Attributes;
using TrialSim.Analyses;
using TrialSim.Cohorts;
using TrialSim.Conduct;
using TrialSim.Running;
using TrialSim.Scenarios;

namespace TrialSim.Benchmarks;

/// <summary>
/// The workloads run beside rpact (bench/workloads/*.yaml, see bench/compare-rpact.sh): one whole
/// trial, and the three stages of a trial on their own, so the cost of a trial can be split into
/// generating the cohort, cutting the data and analysing it. The stages run on the trial of the
/// previous whole-trial invocation's kind: Generate draws a new replicate each time, Cut and Analyze
/// reuse one generated cohort and one cut. Warm as in a long run: <see cref="WarmUpTrials"/> trials
/// run in setup.
/// </summary>
[MemoryDiagnoser]
public class WorkloadBenchmarks
{
    private const int WarmUpTrials = 512;
    private SimulationPlan _plan = null!;
    private TrialWorkspace _workspace = null!;
    private Cohort _cohort = null!;
    private ObservedData _observed = null!;
    private uint _replicate;

    [Params("w1.yaml", "w2.yaml")] public string Workload { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _plan = SimulationPlan.Compile(ScenarioLoader.Load(RepositoryFiles.Workload(Workload)));
        _workspace = new TrialWorkspace(_plan);
        for (_replicate = 0; _replicate < WarmUpTrials; _replicate++)
            TrialSimulator.Simulate(_plan, 0, _replicate, _workspace);
        // A separate cohort and cut for the stage benchmarks, so the whole-trial one cannot disturb them.
        _cohort = new Cohort(_plan.Capacity);
        _observed = new ObservedData(_plan.Capacity, _plan.ArmCount);
        var scenario = _plan.Scenario;
        CohortGenerator.Generate(_cohort, scenario, scenario.Points[0], new BlockRandomiser(scenario.Strata.Count, scenario.Arms, _plan.MaxBlockSize),
            new RandomStream(_plan.Seed, 0, 0, 0));
        Cut();
    }

    [Benchmark]
    public int OneTrial() => TrialSimulator.Simulate(_plan, 0, _replicate++, _workspace).Events;

    /// <summary>Generating one cohort: arrivals, randomisation, event times.</summary>
    [Benchmark]
    public int Generate()
    {
        var scenario = _plan.Scenario;
        CohortGenerator.Generate(_workspace.Cohort, scenario, scenario.Points[0], _workspace.Randomiser, new RandomStream(_plan.Seed, 0, _replicate++, 0));
        return _workspace.Cohort.Enrolled;
    }

    /// <summary>The final data cut (event-driven for both workloads): find the cut, record, sort.</summary>
    [Benchmark]
    public int Cut()
    {
        var scenario = _plan.Scenario;
        DataCut.Cut(_cohort, scenario.AnalysisTime, scenario.Assessments, double.PositiveInfinity, _observed);
        return _observed.Count;
    }

    /// <summary>The log-rank analysis of the final cut.</summary>
    [Benchmark]
    public double Analyze() => TrialAnalysis.Analyze(_plan.Scenario.Analyses[0], _plan.Comparisons[0], _observed, _plan.Scenario.Strata.Count).PValue;
}

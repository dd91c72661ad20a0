using BenchmarkDotNet.Attributes;
using TrialSim.Cohorts;
using TrialSim.Conduct;
using TrialSim.Running;
using TrialSim.Scenarios;

namespace TrialSim.Benchmarks;

/// <summary>
/// <see cref="DataCut.Cut"/> on one generated cohort (<see cref="TwoArmFixture"/>: 500 patients, two
/// arms, continuous observation): event-driven at 100 events (find the 100th event time by selection,
/// then cut) and 12 months after the last patient (every patient analysed). Each cut also sorts by time.
/// </summary>
[MemoryDiagnoser]
public class DataCutBenchmarks
{
    private readonly AnalysisTime _atEvents = new AtEventCount(100, null);
    private readonly AnalysisTime _afterLastPatient = new AfterLastPatient(12);
    private Scenario _scenario = null!;
    private Cohort _cohort = null!;
    private ObservedData _observed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = TwoArmFixture.Scenario(_atEvents);
        _cohort = new Cohort(TwoArmFixture.Patients);
        var randomiser = new BlockRandomiser(1, _scenario.Arms, 4);
        CohortGenerator.Generate(_cohort, _scenario, _scenario.Points[0], randomiser, new RandomStream(1, 0, 0, 0));
        _observed = new ObservedData(TwoArmFixture.Patients, _scenario.Arms.Length);
    }

    private int Cut(AnalysisTime analysisTime)
    {
        DataCut.Cut(_cohort, analysisTime, _scenario.Assessments, double.PositiveInfinity, _observed);
        return _observed.Count;
    }

    [Benchmark] public int AtEventCount() => Cut(_atEvents);
    [Benchmark] public int AfterLastPatient() => Cut(_afterLastPatient);
}

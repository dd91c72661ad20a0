using BenchmarkDotNet.Attributes;
using TrialSim.Cohorts;
using TrialSim.Conduct;
using TrialSim.Distributions;
using TrialSim.Running;
using TrialSim.Scenarios;

namespace TrialSim.Benchmarks;

/// <summary>Generating one cohort (arrivals plus the patient draws).</summary>
[MemoryDiagnoser]
public class CohortBenchmarks
{
    [Params(31, 500)] public int Patients { get; set; }

    private Cohort _cohort = null!;
    private Scenario _scenario = null!;
    private BlockRandomiser _randomiser = null!;
    private uint _replicate;

    [GlobalSetup]
    public void Setup()
    {
        _cohort = new Cohort(Patients);
        _scenario = new Scenario("bench", null, 7, 1,
            new Accrual(Patients, new PiecewiseRate([0.0], [Patients / 24.0]), null, 0.05, []),
            new ExponentialModel(0.0045), AssessmentSchedule.Continuous, null, new AfterLastPatient(36),
            [new TruthPoint("cure", new CureMixtureModel(0.362, new ExponentialModel(0.0665)), null)], []);
        _randomiser = new BlockRandomiser(1, _scenario.Arms, 1);
    }

    [Benchmark]
    public int Generate()
    {
        CohortGenerator.Generate(_cohort, _scenario, _scenario.Points[0], _randomiser, new RandomStream(7, 0, _replicate++, 0));
        return _cohort.Enrolled;
    }
}

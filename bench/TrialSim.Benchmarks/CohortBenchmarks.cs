using BenchmarkDotNet.Attributes;
using TrialSim.Cohorts;
using TrialSim.Distributions;
using TrialSim.Running;

namespace TrialSim.Benchmarks;

/// <summary>Generating one cohort (arrivals plus four draws per patient).</summary>
[MemoryDiagnoser]
public class CohortBenchmarks
{
    [Params(31, 500)] public int Patients { get; set; }

    private Cohort _cohort = null!;
    private Accrual _accrual = null!;
    private readonly EventTimeModel _progression = new CureMixtureModel(0.362, new ExponentialModel(0.0665));
    private readonly EventTimeModel _dropout = new ExponentialModel(0.0045);
    private uint _replicate;

    [GlobalSetup]
    public void Setup()
    {
        _cohort = new Cohort(Patients);
        _accrual = new Accrual(Patients, new PiecewiseRate([0.0], [Patients / 24.0]), null, 0.05, []);
    }

    [Benchmark]
    public int Generate()
    {
        CohortGenerator.Generate(_cohort, _accrual, _progression, null, _dropout, new RandomStream(7, 0, _replicate++, 0));
        return _cohort.Enrolled;
    }
}

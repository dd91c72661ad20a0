using BenchmarkDotNet.Attributes;
using TrialSim.Distributions;
using TrialSim.Running;

namespace TrialSim.Benchmarks;

/// <summary>Event-time sampling by inversion: 1,000 draws per invocation.</summary>
[MemoryDiagnoser]
public class SamplingBenchmarks
{
    private const int Draws = 1000;
    private readonly double[] _destination = new double[Draws];
    private readonly EventTimeModel _exponential = new ExponentialModel(0.0527);
    private readonly EventTimeModel _weibull = new WeibullModel(0.5, 47.8);
    private readonly EventTimeModel _piecewise = new PiecewiseExponentialModel([6, 24], [0.1, 0.03, 0.01]);
    private readonly EventTimeModel _cureMixture = new CureMixtureModel(0.362, new ExponentialModel(0.0665));
    private uint _replicate;

    private double Sample(EventTimeModel model)
    {
        var stream = new RandomStream(1, 0, _replicate++, 0);
        model.Sample(ref stream, _destination);
        return _destination[Draws - 1];
    }

    [Benchmark(OperationsPerInvoke = Draws)] public double Uniform()
    {
        var stream = new RandomStream(1, 0, _replicate++, 0);
        double sum = 0;
        for (int i = 0; i < Draws; i++) sum += stream.NextOpenUnit();
        return sum;
    }
    [Benchmark(OperationsPerInvoke = Draws)] public double Exponential() => Sample(_exponential);
    [Benchmark(OperationsPerInvoke = Draws)] public double Weibull() => Sample(_weibull);
    [Benchmark(OperationsPerInvoke = Draws)] public double PiecewiseExponential() => Sample(_piecewise);
    [Benchmark(OperationsPerInvoke = Draws)] public double CureMixture() => Sample(_cureMixture);
}

using BenchmarkDotNet.Attributes;
using TrialSim.Analyses;
using TrialSim.Conduct;
using TrialSim.Running;

namespace TrialSim.Benchmarks;

/// <summary>
/// The analyses on one prepared data set: a simulated <see cref="TwoArmFixture"/> trial cut 12 months
/// after the last patient (500 patients, two arms, sorted by time), group codes 1 experimental /
/// 0 control, unstratified. Every analysis is a pure function over spans and should allocate nothing.
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private const double Landmark = 12;
    private double[] _time = null!;
    private bool[] _isEvent = null!;
    private byte[] _group = null!;
    private readonly LandmarkRateDifferenceSpec _kaplanMeierRates = new("km-rates", 0.025, 0.95, "experimental", "control", Landmark, RateEstimator.KaplanMeier, 0);
    private readonly LandmarkRateDifferenceSpec _binaryRates = new("binary-rates", 0.025, 0.95, "experimental", "control", Landmark, RateEstimator.Binary, 0);
    private readonly BayesianRateSpec _bayesian = new("bayes", 0.025, 0.95, "experimental", "control", Landmark, 1, 1, 1, 1, 0, 0.95);
    private readonly RestrictedMeanSpec _restrictedMean = new("rmst", 0.025, 0.95, "experimental", "control", 24, 0);
    private readonly PosteriorProbabilityCache _posteriors = new();

    [GlobalSetup]
    public void Setup()
    {
        var plan = SimulationPlan.Compile(TwoArmFixture.Scenario(new AfterLastPatient(12)));
        var workspace = new TrialWorkspace(plan);
        TrialSimulator.Simulate(plan, 0, 0, workspace);
        var observed = workspace.Observed;
        _time = observed.Time.ToArray();
        _isEvent = observed.IsEvent.ToArray();
        _group = new byte[observed.Count];
        var comparison = plan.Comparisons[0];
        for (int i = 0; i < _group.Length; i++) _group[i] = comparison.GroupOf(observed.Arm[i]);
        // Warm the memo: the cached case is the simulator's steady state.
        BayesianRateTest.Analyze(_time, _isEvent, _group, _bayesian, _posteriors);
    }

    [Benchmark] public double LogRankCompute() => LogRank.Compute(_time, _isEvent, _group, [], 1).Variance;
    [Benchmark] public double CoxFitEfron() => Cox.Fit(_time, _isEvent, _group, [], 1, CoxTies.Efron).Coefficient;
    [Benchmark] public double KaplanMeierAt() => KaplanMeier.At(_time, _isEvent, Landmark).Survival;
    [Benchmark] public double KaplanMeierAtByGroup() => KaplanMeier.At(_time, _isEvent, _group, 1, Landmark).Survival;
    [Benchmark] public double LandmarkRateKaplanMeier() => LandmarkRateDifferenceTest.Analyze(_time, _isEvent, _group, _kaplanMeierRates).Estimate;
    [Benchmark] public double LandmarkRateBinary() => LandmarkRateDifferenceTest.Analyze(_time, _isEvent, _group, _binaryRates).Estimate;
    [Benchmark] public double BayesianRateMemoised() => BayesianRateTest.Analyze(_time, _isEvent, _group, _bayesian, _posteriors).PValue;
    [Benchmark] public double BayesianRateQuadrature() => BayesianRateTest.Analyze(_time, _isEvent, _group, _bayesian).PValue;
    [Benchmark] public double RestrictedMeanDifference() => RestrictedMeanTest.Analyze(_time, _isEvent, _group, _restrictedMean).Estimate;
}

using TrialSim.Analyses;
using TrialSim.Cohorts;
using TrialSim.Scenarios;

namespace TrialSim.Running;

/// <summary>
/// A scenario made ready to simulate: arm names resolved to indices for every analysis, and the
/// true value of every analysis at every point computed once.
/// </summary>
public sealed class SimulationPlan
{
    public Scenario Scenario { get; }
    public ulong Seed { get; }
    public Comparison[] Comparisons { get; }
    /// <summary>[point][analysis].</summary>
    public double[][] TrueValues { get; }
    public int MaxBlockSize { get; }
    /// <summary>Per analysis: the posterior-probability memo of a Bayesian rule, else null.</summary>
    public PosteriorProbabilityCache?[] PosteriorCaches { get; }

    private SimulationPlan(Scenario scenario, ulong seed)
    {
        Scenario = scenario;
        Seed = seed;
        var analyses = scenario.Analyses;
        Comparisons = new Comparison[analyses.Length];
        for (int a = 0; a < analyses.Length; a++)
            Comparisons[a] = analyses[a] is TwoArmAnalysisSpec twoArm
                ? new Comparison(scenario.ArmIndex(twoArm.Experimental), scenario.ArmIndex(twoArm.Control))
                : Comparison.SingleArm;
        TrueValues = new double[scenario.Points.Length][];
        for (int p = 0; p < scenario.Points.Length; p++)
        {
            TrueValues[p] = new double[analyses.Length];
            for (int a = 0; a < analyses.Length; a++)
                TrueValues[p][a] = AnalysisTruth.TrueValue(analyses[a], Comparisons[a], scenario.Points[p], scenario);
        }
        PosteriorCaches = analyses.Select(a => a is BayesianRateSpec ? new PosteriorProbabilityCache() : null).ToArray();
        MaxBlockSize = scenario.Randomisation is PermutedBlockRandomisation blocks ? blocks.BlockSizes.Max() : 1;
    }

    public static SimulationPlan Compile(Scenario scenario, ulong? seed = null) => new(scenario, seed ?? scenario.Seed);

    public int Capacity => Scenario.Accrual.TargetSampleSize;
    public int ArmCount => Scenario.Arms.Length;
    public int AnalysisCount => Scenario.Analyses.Length;
}

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
    /// <summary>Interim looks with information fractions resolved to event counts; empty without interim design.</summary>
    public Conduct.AnalysisTime[] InterimLooks { get; }
    /// <summary>Index of the monitored analysis, or -1.</summary>
    public int MonitorIndex { get; }
    public SequentialMonitor? Monitor { get; }
    /// <summary>Interim looks plus the final analysis.</summary>
    public int LookCount => InterimLooks.Length + 1;
    /// <summary>Per analysis: the posterior-probability memo of a Bayesian rule, else null.</summary>
    public PosteriorProbabilityCache?[] PosteriorCaches { get; }

    private SimulationPlan(Scenario scenario, ulong seed)
    {
        Scenario = scenario;
        Seed = seed;
        var analyses = scenario.Analyses;
        Comparisons = new Comparison[analyses.Length];
        for (int a = 0; a < analyses.Length; a++)
            Comparisons[a] = Comparison.Of(analyses[a], scenario);
        TrueValues = new double[scenario.Points.Length][];
        for (int p = 0; p < scenario.Points.Length; p++)
        {
            TrueValues[p] = new double[analyses.Length];
            for (int a = 0; a < analyses.Length; a++)
                TrueValues[p][a] = AnalysisTruth.TrueValue(analyses[a], Comparisons[a], scenario.Points[p], scenario);
        }
        PosteriorCaches = analyses.Select(a => a is BayesianRateSpec ? new PosteriorProbabilityCache() : null).ToArray();
        (InterimLooks, MonitorIndex, Monitor) = CompileInterim(scenario, PosteriorCaches);
        MaxBlockSize = scenario.Randomisation is PermutedBlockRandomisation blocks ? blocks.BlockSizes.Max() : 1;
    }

    private static (Conduct.AnalysisTime[], int, SequentialMonitor?) CompileInterim(Scenario scenario, PosteriorProbabilityCache?[] posteriorCaches)
    {
        if (scenario.Interim is not { } interim) return ([], -1, null);
        int monitor = -1;
        for (int a = 0; a < scenario.Analyses.Length; a++) if (scenario.Analyses[a].Name == interim.Monitor) monitor = a;
        if (monitor < 0) throw new ArgumentException($"the monitored analysis '{interim.Monitor}' is not among the analyses");
        double planned = interim.PlannedInformation
            ?? (scenario.AnalysisTime is Conduct.AtEventCount final ? final.Events
                : scenario.AnalysisTime is Conduct.AtEvaluable evaluable ? evaluable.Patients
                : throw new ArgumentException("interim looks need planned_information unless the final analysis is event- or evaluable-driven"));
        var monitored = scenario.Analyses[monitor];
        // An information fraction becomes a look at the monitor's own measure of information.
        Conduct.AnalysisTime Resolve(Conduct.AtInformationFraction f)
        {
            int target = (int)Math.Ceiling(f.Fraction * planned - 1e-9);
            if (SequentialMonitor.MeasuresEvents(monitored)) return new Conduct.AtEventCount(target, null);
            double? landmark = monitored switch
            {
                KaplanMeierLandmarkSpec km => km.Landmark,
                BinomialLandmarkSpec binomial => binomial.Landmark,
                LandmarkRateDifferenceSpec rates => rates.Landmark,
                FisherExactSpec fisher => fisher.Landmark,
                BayesianRateSpec bayes => bayes.Landmark,
                _ => null,
            };
            return landmark is double t ? new Conduct.AtEvaluable(target, t) : new Conduct.AtEnrolment(target);
        }
        var looks = interim.Looks.Select(look => look is Conduct.AtInformationFraction f ? Resolve(f) : look).ToArray();
        (int, int) perArm = default;
        if (scenario.Analyses[monitor] is TwoArmAnalysisSpec twoArm)
        {
            int ratioSum = scenario.Arms.Sum(a => a.Ratio);
            int Planned(string arm) => (int)Math.Round((double)scenario.Accrual.TargetSampleSize * scenario.Arms[scenario.ArmIndex(arm)].Ratio / ratioSum);
            perArm = (Planned(twoArm.Experimental), Planned(twoArm.Control));
        }
        return (looks, monitor, new SequentialMonitor(interim, scenario.Analyses[monitor], planned, posteriorCaches[monitor], perArm));
    }

    public static SimulationPlan Compile(Scenario scenario, ulong? seed = null) => new(scenario, seed ?? scenario.Seed);

    public int Capacity => Scenario.Accrual.TargetSampleSize;
    public int ArmCount => Scenario.Arms.Length;
    public int AnalysisCount => Scenario.Analyses.Length;
}

using TrialSim.Scenarios;

namespace TrialSim.Analyses;

/// <summary>Runs any single-arm analysis on one data cut, and knows the value it estimates under a truth.</summary>
public static class SingleArmAnalysis
{
    /// <summary>Analyses one cut; <paramref name="sortedTime"/> is sorted ascending.</summary>
    public static AnalysisResult Analyze(AnalysisSpec spec, ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent) => spec switch
    {
        KaplanMeierLandmarkSpec km => KaplanMeierLandmarkTest.Analyze(sortedTime, isEvent, km),
        BinomialLandmarkSpec binomial => BinomialLandmarkTest.Analyze(sortedTime, isEvent, binomial),
        OneSampleLogRankSpec logRank => OneSampleLogRankTest.Analyze(sortedTime, isEvent, logRank),
        _ => throw new NotSupportedException(spec.GetType().Name),
    };

    /// <summary>
    /// The estimand under <paramref name="truth"/>: true PFS at the landmark for the landmark
    /// analyses; for the one-sample log-rank, the hazard ratio against the reference when both
    /// hazards are constant (NaN otherwise: the ratio O/E then has no single true value).
    /// </summary>
    public static double TrueValue(AnalysisSpec spec, TruthPoint truth) => spec switch
    {
        KaplanMeierLandmarkSpec km => truth.ProgressionFreeSurvival(km.Landmark),
        BinomialLandmarkSpec binomial => truth.ProgressionFreeSurvival(binomial.Landmark),
        OneSampleLogRankSpec logRank => truth.ConstantHazard is double hazard && logRank.Reference.IsExponential
            ? hazard / logRank.Reference.Hazard(1) : double.NaN,
        _ => throw new NotSupportedException(spec.GetType().Name),
    };
}

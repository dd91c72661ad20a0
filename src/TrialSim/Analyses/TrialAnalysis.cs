using TrialSim.Conduct;

namespace TrialSim.Analyses;

/// <summary>Runs any analysis on one data cut: the one place that maps a spec to its statistic.</summary>
public static class TrialAnalysis
{
    /// <param name="strata">Number of strata (stratified analyses use the patients' stratum codes).</param>
    /// <param name="cache">The analysis's posterior-probability memo (Bayesian rules only; may be null).</param>
    public static AnalysisResult Analyze(AnalysisSpec spec, Comparison comparison, ObservedData observed, int strata, PosteriorProbabilityCache? cache = null)
    {
        var time = observed.Time;
        var isEvent = observed.IsEvent;
        if (spec is not TwoArmAnalysisSpec)
        {
            return spec switch
            {
                KaplanMeierLandmarkSpec km => KaplanMeierLandmarkTest.Analyze(time, isEvent, km),
                BinomialLandmarkSpec binomial => BinomialLandmarkTest.Analyze(time, isEvent, binomial),
                OneSampleLogRankSpec logRank => OneSampleLogRankTest.Analyze(time, isEvent, logRank),
                _ => throw new NotSupportedException(spec.GetType().Name),
            };
        }

        var arm = observed.Arm;
        var group = observed.Group.AsSpan(0, observed.Count);
        comparison.GroupsOf(arm, group);
        ReadOnlySpan<byte> groups = group;
        var stratum = observed.Stratum;
        return spec switch
        {
            LogRankSpec logRank => LogRankTest.Analyze(time, isEvent, groups, stratum, logRank.Stratified ? strata : 1, logRank),
            CoxSpec cox => CoxTest.Analyze(time, isEvent, groups, stratum, cox.Stratified ? strata : 1, cox),
            LandmarkRateDifferenceSpec rates => LandmarkRateDifferenceTest.Analyze(time, isEvent, groups, rates),
            FisherExactSpec fisher => FisherExactTest.Analyze(time, isEvent, groups, fisher),
            BayesianRateSpec bayes => BayesianRateTest.Analyze(time, isEvent, groups, bayes, cache),
            RestrictedMeanSpec rmst => RestrictedMeanTest.Analyze(time, isEvent, groups, rmst),
            _ => throw new NotSupportedException(spec.GetType().Name),
        };
    }
}

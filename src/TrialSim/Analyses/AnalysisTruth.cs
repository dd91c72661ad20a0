using TrialSim.Scenarios;

namespace TrialSim.Analyses;

/// <summary>What each analysis estimates under a truth: the value bias and coverage are measured against.</summary>
public static class AnalysisTruth
{
    /// <summary>
    /// True PFS at the landmark for single-arm landmark analyses; for the one-sample log-rank, the
    /// hazard ratio against the reference when both hazards are constant; the hazard ratio
    /// (experimental / control, within strata) for log-rank and Cox when both arms' hazards are
    /// constant; the difference in true PFS at the landmark for rate analyses; the difference in
    /// true restricted mean PFS for RMST. NaN where no single true value exists.
    /// </summary>
    public static double TrueValue(AnalysisSpec spec, Comparison comparison, TruthPoint truth, Scenario scenario)
    {
        var strata = scenario.Strata;
        double Pfs(int arm, double time) => TrueSurvival.ProgressionFree(truth, arm, strata, time);
        // Identical arm truths have hazard ratio 1 whatever their shape; otherwise a single ratio exists when both hazards are constant.
        double HazardRatio() =>
            truth.Arms[comparison.Experimental] == truth.Arms[comparison.Control] ? 1.0
            : TrueSurvival.ConstantHazard(truth, comparison.Experimental) is double e && TrueSurvival.ConstantHazard(truth, comparison.Control) is double c
                ? e / c : double.NaN;
        return spec switch
        {
            KaplanMeierLandmarkSpec km => Pfs(0, km.Landmark),
            BinomialLandmarkSpec binomial => Pfs(0, binomial.Landmark),
            OneSampleLogRankSpec logRank => strata.Count == 1 && TrueSurvival.ConstantHazard(truth, 0) is double hazard && logRank.Reference.IsExponential
                ? hazard / logRank.Reference.Hazard(1) : double.NaN,
            LogRankSpec or CoxSpec => HazardRatio(),
            LandmarkRateDifferenceSpec rates => Pfs(comparison.Experimental, rates.Landmark) - Pfs(comparison.Control, rates.Landmark),
            FisherExactSpec fisher => Pfs(comparison.Experimental, fisher.Landmark) - Pfs(comparison.Control, fisher.Landmark),
            BayesianRateSpec bayes => Pfs(comparison.Experimental, bayes.Landmark) - Pfs(comparison.Control, bayes.Landmark),
            RestrictedMeanSpec rmst => TrueSurvival.RestrictedMean(truth, comparison.Experimental, strata, rmst.Horizon)
                                       - TrueSurvival.RestrictedMean(truth, comparison.Control, strata, rmst.Horizon),
            _ => throw new NotSupportedException(spec.GetType().Name),
        };
    }
}

namespace TrialSim.Analyses;

/// <summary>The scenario-file name of each analysis type (the YAML <c>type:</c> value).</summary>
public static class AnalysisTypeName
{
    public const string KaplanMeierLandmark = "km_landmark";
    public const string BinomialLandmark = "binomial_landmark";
    public const string OneSampleLogRank = "one_sample_logrank";
    public const string LogRank = "logrank";
    public const string Cox = "cox";
    public const string LandmarkRateDifference = "landmark_rate_difference";
    public const string FisherExact = "fisher_exact";
    public const string BayesianRate = "bayesian_rate";
    public const string RestrictedMean = "rmst_difference";

    public static string Of(AnalysisSpec spec) => spec switch
    {
        KaplanMeierLandmarkSpec => KaplanMeierLandmark,
        BinomialLandmarkSpec => BinomialLandmark,
        OneSampleLogRankSpec => OneSampleLogRank,
        LogRankSpec => LogRank,
        CoxSpec => Cox,
        LandmarkRateDifferenceSpec => LandmarkRateDifference,
        FisherExactSpec => FisherExact,
        BayesianRateSpec => BayesianRate,
        RestrictedMeanSpec => RestrictedMean,
        _ => throw new NotSupportedException(spec.GetType().Name),
    };
}

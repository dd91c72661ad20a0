namespace TrialSim.Analyses;

/// <summary>The scenario-file name of each analysis type (the YAML <c>type:</c> value).</summary>
public static class AnalysisTypeName
{
    public const string KaplanMeierLandmark = "km_landmark";
    public const string BinomialLandmark = "binomial_landmark";
    public const string OneSampleLogRank = "one_sample_logrank";

    public static string Of(AnalysisSpec spec) => spec switch
    {
        KaplanMeierLandmarkSpec => KaplanMeierLandmark,
        BinomialLandmarkSpec => BinomialLandmark,
        OneSampleLogRankSpec => OneSampleLogRank,
        _ => throw new NotSupportedException(spec.GetType().Name),
    };
}

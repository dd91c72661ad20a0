using TrialSim.Analyses;

namespace TrialSim.Scenarios;

/// <summary>
/// Reads the analyses that compare an experimental arm with a control arm: the arms must be two
/// different arms of the design, margins have the sign their test needs (omitted for
/// superiority), landmarks and horizons lie within follow-up, and a stratified test needs
/// stratification factors.
/// </summary>
internal static class TwoArmAnalysisParser
{
    public static readonly string[] Types =
    [
        AnalysisTypeName.LogRank, AnalysisTypeName.Cox, AnalysisTypeName.LandmarkRateDifference,
        AnalysisTypeName.FisherExact, AnalysisTypeName.BayesianRate, AnalysisTypeName.RestrictedMean,
    ];

    private const string ProbabilityRule = "is not strictly between 0 and 1";

    /// <summary>The keys a two-arm analysis of <paramref name="type"/> takes besides type, name, alpha and confidence.</summary>
    public static string[] KeysOf(string type) => type switch
    {
        AnalysisTypeName.LogRank => ["experimental", "control", "stratified"],
        AnalysisTypeName.Cox => ["experimental", "control", "ties", "stratified", "non_inferiority_margin"],
        AnalysisTypeName.LandmarkRateDifference => ["experimental", "control", "landmark", "estimator", "non_inferiority_margin"],
        AnalysisTypeName.FisherExact => ["experimental", "control", "landmark"],
        AnalysisTypeName.BayesianRate => ["experimental", "control", "landmark", "prior_experimental", "prior_control", "margin", "threshold"],
        AnalysisTypeName.RestrictedMean => ["experimental", "control", "horizon", "non_inferiority_margin"],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a two-arm analysis type"),
    };

    /// <param name="form">The analysis's form, for missing-field errors.</param>
    public static TwoArmAnalysisSpec Parse(ScenarioMap map, string type, string name, double alpha, double confidence, string form, AnalysisContext context)
    {
        var (experimental, control) = Arms(map, form, context);
        switch (type)
        {
            case AnalysisTypeName.LogRank:
                return new LogRankSpec(name, alpha, confidence, experimental, control, Stratified(map, context));
            case AnalysisTypeName.Cox:
                return new CoxSpec(name, alpha, confidence, experimental, control, Ties(map), Stratified(map, context),
                    map.Get("non_inferiority_margin")?.AsNumberWhere("a hazard-ratio margin > 1 (omit it for superiority)", m => m > 1, "is not above 1") ?? 1);
            case AnalysisTypeName.LandmarkRateDifference:
                return new LandmarkRateDifferenceSpec(name, alpha, confidence, experimental, control,
                    context.TimeWithinFollowUp(map.Require("landmark", form), "landmark"), Estimator(map),
                    map.Get("non_inferiority_margin")?.AsNumberWhere("a rate-difference margin in (0, 1) (omit it for superiority)", m => m > 0 && m < 1, ProbabilityRule) ?? 0);
            case AnalysisTypeName.FisherExact:
                return new FisherExactSpec(name, alpha, confidence, experimental, control,
                    context.TimeWithinFollowUp(map.Require("landmark", form), "landmark"));
            case AnalysisTypeName.BayesianRate:
                double landmark = context.TimeWithinFollowUp(map.Require("landmark", form), "landmark");
                var (experimentalA, experimentalB) = BetaPrior(map.Get("prior_experimental"));
                var (controlA, controlB) = BetaPrior(map.Get("prior_control"));
                double margin = map.Get("margin")?.AsNumberWhere("a rate margin in [0, 1) (0 for superiority)", m => m >= 0 && m < 1, "is not in [0, 1)") ?? 0;
                double threshold = map.Require("threshold", form)
                    .AsNumberWhere("a posterior probability threshold in (0, 1)", t => t > 0 && t < 1, ProbabilityRule);
                return new BayesianRateSpec(name, alpha, confidence, experimental, control, landmark,
                    experimentalA, experimentalB, controlA, controlB, margin, threshold);
            default:
                return new RestrictedMeanSpec(name, alpha, confidence, experimental, control,
                    context.TimeWithinFollowUp(map.Require("horizon", form), "horizon"),
                    map.Get("non_inferiority_margin")?.AsNonNegative("a restricted-mean margin >= 0 months (0 for superiority)") ?? 0);
        }
    }

    private static (string Experimental, string Control) Arms(ScenarioMap map, string form, AnalysisContext context)
    {
        string armList = ArmsParser.List(context.Arms);
        string armForm = $"an arm name, one of: {armList}";
        string Arm(string key)
        {
            var node = map.Require(key, form);
            string arm = node.AsString(armForm);
            if (ArmsParser.IndexOf(context.Arms, arm) < 0) throw node.Error($"'{arm}' is not an arm", armForm);
            return arm;
        }
        string experimental = Arm("experimental");
        string control = Arm("control");
        if (control == experimental)
            throw map.Get("control")!.Value.Error($"experimental and control are both '{control}'", $"two different arms of: {armList}");
        return (experimental, control);
    }

    private static bool Stratified(ScenarioMap map, AnalysisContext context)
    {
        if (map.Get("stratified") is not ScenarioNode node) return false;
        bool stratified = node.AsBoolean("true or false (default false)");
        if (stratified && context.Strata.Factors.IsEmpty)
            throw node.Error("stratified: true but the design has no stratification factors",
                "stratified: false, or stratification: [...] giving the factors to stratify by");
        return stratified;
    }

    private static CoxTies Ties(ScenarioMap map)
    {
        const string form = "efron (default) or breslow";
        if (map.Get("ties") is not ScenarioNode node) return CoxTies.Efron;
        return node.AsString(form) switch
        {
            "efron" => CoxTies.Efron,
            "breslow" => CoxTies.Breslow,
            string other => throw node.Error($"unknown ties method '{other}'", form),
        };
    }

    private static RateEstimator Estimator(ScenarioMap map)
    {
        const string form = "kaplan_meier (default) or binary";
        if (map.Get("estimator") is not ScenarioNode node) return RateEstimator.KaplanMeier;
        return node.AsString(form) switch
        {
            "kaplan_meier" => RateEstimator.KaplanMeier,
            "binary" => RateEstimator.Binary,
            string other => throw node.Error($"unknown estimator '{other}'", form),
        };
    }

    /// <summary>A Beta(a, b) prior, {a, b} with both &gt; 0; Beta(1, 1) when absent.</summary>
    private static (double A, double B) BetaPrior(ScenarioNode? node)
    {
        const string form = "{a: A, b: B} with A, B > 0 (a Beta prior; default Beta(1, 1))";
        if (node is not ScenarioNode prior) return (1, 1);
        var map = prior.AsMap(form, ["a", "b"]);
        return (map.Require("a", form).AsPositive("a Beta shape a > 0"), map.Require("b", form).AsPositive("a Beta shape b > 0"));
    }
}

using System.Collections.Immutable;
using TrialSim.Analyses;
using static System.FormattableString;

namespace TrialSim.Scenarios;

/// <summary>
/// Reads <c>analyses:</c>, a non-empty list of analyses told apart by <c>type</c>. Checks that
/// names are distinct and that landmark analyses can be evaluated: a landmark beyond the
/// per-patient follow-up, or beyond the follow-up the last patient gets before an
/// after-last-patient cut, can never be reached by everyone.
/// </summary>
internal static class AnalysisSpecParser
{
    public const string Form = "a non-empty list of analyses, each {type: km_landmark | binomial_landmark | one_sample_logrank, ...}";
    private static readonly string[] Types = ["km_landmark", "binomial_landmark", "one_sample_logrank"];
    private static readonly string[] Common = ["type", "name", "alpha", "confidence"];
    private const double DefaultAlpha = 0.05;

    /// <param name="maxPerPatient">follow_up.max_per_patient, when given.</param>
    /// <param name="afterLastPatient">The after_last_patient follow-up, when that is the analysis time.</param>
    public static ImmutableArray<AnalysisSpec> Parse(ScenarioNode node, double? maxPerPatient, double? afterLastPatient)
    {
        var items = node.AsList(Form);
        if (items.Count == 0) throw node.Error("no analyses", Form);
        var analyses = ImmutableArray.CreateBuilder<AnalysisSpec>(items.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var analysis = ParseOne(item, maxPerPatient, afterLastPatient, out var nameNode);
            if (!names.Add(analysis.Name))
                throw nameNode.Error($"analysis name '{analysis.Name}' is used twice", "distinct analysis names (set 'name' when two analyses share a type)");
            analyses.Add(analysis);
        }
        return analyses.MoveToImmutable();
    }

    private static AnalysisSpec ParseOne(ScenarioNode node, double? maxPerPatient, double? afterLastPatient, out ScenarioNode nameNode)
    {
        var map = node.AsMap(Form, null);
        string typeForm = $"one of: {string.Join(", ", Types)}";
        var typeNode = map.Require("type", typeForm);
        string type = typeNode.AsString(typeForm);
        if (!Types.Contains(type)) throw typeNode.Error($"unknown analysis type '{type}'", typeForm);
        string[] specific = type switch
        {
            "km_landmark" => ["landmark", "null_survival"],
            "binomial_landmark" => ["landmark", "null_rate"],
            _ => ["reference"],
        };
        map.AllowOnly([.. Common, .. specific]);

        // Without a name the type is the name; duplicate errors then point at the type.
        nameNode = map.Get("name") ?? typeNode;
        string name = map.Get("name")?.AsString("an analysis name") ?? type;
        double alpha = map.Get("alpha")?.AsNumberWhere("a one-sided level in (0, 0.5)", a => a > 0 && a < 0.5, "is not in (0, 0.5)") ?? DefaultAlpha;
        double confidence = map.Get("confidence")?.AsNumberWhere("a confidence level in (0, 1)", c => c > 0 && c < 1, "is not in (0, 1)") ?? 1 - 2 * alpha;
        string form = $"{{type: {type}, {string.Join(", ", specific)}}}";

        if (type == "one_sample_logrank")
            return new OneSampleLogRankSpec(name, alpha, confidence, EventTimeModelParser.Parse(map.Require("reference", form)));

        double landmark = Landmark(map.Require("landmark", form), maxPerPatient, afterLastPatient);
        const string probabilityForm = "a probability in (0, 1)";
        if (type == "km_landmark")
            return new KaplanMeierLandmarkSpec(name, alpha, confidence, landmark,
                map.Require("null_survival", form).AsNumberWhere(probabilityForm, p => p > 0 && p < 1, "is not strictly between 0 and 1"));
        return new BinomialLandmarkSpec(name, alpha, confidence, landmark,
            map.Require("null_rate", form).AsNumberWhere(probabilityForm, p => p > 0 && p < 1, "is not strictly between 0 and 1"));
    }

    private static double Landmark(ScenarioNode node, double? maxPerPatient, double? afterLastPatient)
    {
        double landmark = node.AsPositive("a landmark time > 0 months");
        if (maxPerPatient is double max && landmark > max)
            throw node.Error(Invariant($"landmark {landmark} lies beyond follow_up.max_per_patient {max}"),
                Invariant($"a landmark at most follow_up.max_per_patient ({max} months)"));
        if (afterLastPatient is double followUp && landmark > followUp)
            throw node.Error(Invariant($"landmark {landmark} lies beyond the {followUp} months the last patient is followed before analysis_time.after_last_patient"),
                Invariant($"a landmark at most analysis_time.after_last_patient ({followUp} months)"));
        return landmark;
    }
}

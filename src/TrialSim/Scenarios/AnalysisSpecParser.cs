using System.Collections.Immutable;
using TrialSim.Analyses;

namespace TrialSim.Scenarios;

/// <summary>
/// Reads <c>analyses:</c>, a non-empty list of analyses told apart by <c>type</c>. Checks that
/// names are distinct, that single-arm analyses are only used in a single-arm design and two-arm
/// ones only with two or more arms, and that landmark analyses can be evaluated (see
/// <see cref="AnalysisContext.TimeWithinFollowUp"/>). Two-arm types are read by
/// <see cref="TwoArmAnalysisParser"/>.
/// </summary>
internal static class AnalysisSpecParser
{
    private static readonly string[] SingleArmTypes =
        [AnalysisTypeName.KaplanMeierLandmark, AnalysisTypeName.BinomialLandmark, AnalysisTypeName.OneSampleLogRank];
    private static readonly string[] Types = [.. SingleArmTypes, .. TwoArmAnalysisParser.Types];
    public static readonly string Form = $"a non-empty list of analyses, each {{type: {string.Join(" | ", Types)}, ...}}";
    private static readonly string[] Common = ["type", "name", "alpha", "confidence"];
    private const double DefaultAlpha = 0.05;

    public static ImmutableArray<AnalysisSpec> Parse(ScenarioNode node, AnalysisContext context)
    {
        var items = node.AsList(Form);
        if (items.Count == 0) throw node.Error("no analyses", Form);
        var analyses = ImmutableArray.CreateBuilder<AnalysisSpec>(items.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var analysis = ParseOne(item, context, out var nameNode);
            if (!names.Add(analysis.Name))
                throw nameNode.Error($"analysis name '{analysis.Name}' is used twice", "distinct analysis names (set 'name' when two analyses share a type)");
            analyses.Add(analysis);
        }
        return analyses.MoveToImmutable();
    }

    private static AnalysisSpec ParseOne(ScenarioNode node, AnalysisContext context, out ScenarioNode nameNode)
    {
        var map = node.AsMap(Form, null);
        string typeForm = $"one of: {string.Join(", ", Types)}";
        var typeNode = map.Require("type", typeForm);
        string type = typeNode.AsString(typeForm);
        if (!Types.Contains(type)) throw typeNode.Error($"unknown analysis type '{type}'", typeForm);
        bool twoArm = TwoArmAnalysisParser.Types.Contains(type);
        if (twoArm && context.IsSingleArm)
            throw typeNode.Error($"{type} compares two arms but the design has a single arm",
                $"a single-arm analysis ({string.Join(", ", SingleArmTypes)}), or arms: [...] listing two or more arms");
        if (!twoArm && !context.IsSingleArm)
            throw typeNode.Error($"{type} is a single-arm analysis but the design has {context.Arms.Length} arms",
                "a two-arm analysis (single-arm analyses need a single-arm design): use landmark_rate_difference, fisher_exact or bayesian_rate "
                + "for a landmark rate, logrank or cox for hazards, rmst_difference for restricted means");
        string[] specific = twoArm ? TwoArmAnalysisParser.KeysOf(type) : type switch
        {
            AnalysisTypeName.KaplanMeierLandmark => ["landmark", "null_survival"],
            AnalysisTypeName.BinomialLandmark => ["landmark", "null_rate"],
            _ => ["reference"],
        };
        map.AllowOnly([.. Common, .. specific]);

        // Without a name the type is the name; duplicate errors then point at the type.
        nameNode = map.Get("name") ?? typeNode;
        string name = map.Get("name")?.AsString("an analysis name") ?? type;
        double alpha = map.Get("alpha")?.AsNumberWhere("a one-sided level in (0, 0.5)", a => a > 0 && a < 0.5, "is not in (0, 0.5)") ?? DefaultAlpha;
        double confidence = map.Get("confidence")?.AsNumberWhere("a confidence level in (0, 1)", c => c > 0 && c < 1, "is not in (0, 1)") ?? 1 - 2 * alpha;
        string form = $"{{type: {type}, {string.Join(", ", specific)}}}";

        if (twoArm) return TwoArmAnalysisParser.Parse(map, type, name, alpha, confidence, form, context);
        if (type == AnalysisTypeName.OneSampleLogRank)
            return new OneSampleLogRankSpec(name, alpha, confidence, EventTimeModelParser.Parse(map.Require("reference", form)));

        double landmark = context.TimeWithinFollowUp(map.Require("landmark", form), "landmark");
        const string probabilityForm = "a probability in (0, 1)";
        if (type == AnalysisTypeName.KaplanMeierLandmark)
            return new KaplanMeierLandmarkSpec(name, alpha, confidence, landmark,
                map.Require("null_survival", form).AsNumberWhere(probabilityForm, p => p > 0 && p < 1, "is not strictly between 0 and 1"));
        return new BinomialLandmarkSpec(name, alpha, confidence, landmark,
            map.Require("null_rate", form).AsNumberWhere(probabilityForm, p => p > 0 && p < 1, "is not strictly between 0 and 1"));
    }
}

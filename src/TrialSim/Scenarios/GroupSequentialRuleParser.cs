using TrialSim.Analyses;
using TrialSim.Decisions;

namespace TrialSim.Scenarios;

/// <summary>
/// Reads <c>interim.group_sequential</c>: the efficacy boundary (alpha spending, Haybittle-Peto or
/// fixed z per look) and an optional futility rule (beta spending, fixed z per interim look, a
/// hazard-ratio or a conditional-power threshold), binding or not.
/// </summary>
internal static class GroupSequentialRuleParser
{
    public const string Form = "{efficacy: {...}, futility: {...} (optional)}";
    public const string EfficacyForm = "exactly one of {spending: function}, {haybittle_peto: interim z > 0}, {z: [one z per look, the final included]}";
    public const string FutilityForm =
        "exactly one of {beta_spending: function, beta, design_hazard_ratio or design_drift}, {z: [one z per interim look]}, "
        + "{hazard_ratio: HR > 0}, {conditional_power: probability in (0, 1)}; with binding: true or false (default false)";
    private const string BetaSpendingForm = "{beta_spending: function, beta: (0, 0.5), and exactly one of design_hazard_ratio: HR in (0, 1), design_drift: > 0}";
    private static readonly string[] BetaSpendingKeys = ["beta", "design_hazard_ratio", "design_drift"];

    /// <param name="interimLooks">Interim looks (the final analysis not counted).</param>
    /// <param name="plannedInformation">Events (or evaluable patients) planned at the final analysis: the design hazard ratio's drift uses it.</param>
    /// <param name="monitor">The monitored analysis.</param>
    public static GroupSequentialRule Parse(ScenarioNode node, int interimLooks, double plannedInformation, AnalysisSpec monitor)
    {
        var map = node.AsMap(Form, ["efficacy", "futility"]);
        var efficacy = Efficacy(map.Require("efficacy", EfficacyForm), interimLooks);
        var futility = map.Get("futility") is ScenarioNode futilityNode ? Futility(futilityNode, interimLooks, plannedInformation, monitor) : null;
        return new GroupSequentialRule(efficacy, futility);
    }

    private static EfficacyBoundary Efficacy(ScenarioNode node, int interimLooks)
    {
        var map = node.AsMap(EfficacyForm, ["spending", "haybittle_peto", "z"]);
        string kind = map.ChooseOne(EfficacyForm, "spending", "haybittle_peto", "z");
        var value = map.Get(kind)!.Value;
        return kind switch
        {
            "spending" => new SpendingEfficacyBoundary(SpendingFunctionParser.Parse(value)),
            "haybittle_peto" => new HaybittlePetoBoundary(value.AsPositive("an interim z > 0 (3 is usual); the final z is computed to spend alpha")),
            _ => new FixedEfficacyBoundary(ZList(value, interimLooks + 1, $"{interimLooks + 1} z values, one per look including the final analysis ({interimLooks} interim looks + 1)")),
        };
    }

    private static FutilityRule Futility(ScenarioNode node, int interimLooks, double plannedInformation, AnalysisSpec monitor)
    {
        var map = node.AsMap(FutilityForm, ["beta_spending", .. BetaSpendingKeys, "z", "hazard_ratio", "conditional_power", "binding"]);
        string kind = map.ChooseOne(FutilityForm, "beta_spending", "z", "hazard_ratio", "conditional_power");
        if (kind != "beta_spending")
            foreach (string key in BetaSpendingKeys)
                if (map.Has(key)) throw map.KeyNode(key).Error($"'{key}' only applies to beta_spending futility", BetaSpendingForm);
        var bindingNode = map.Get("binding");
        bool binding = bindingNode?.AsBoolean("true or false (default false)") ?? false;
        var value = map.Get(kind)!.Value;
        switch (kind)
        {
            case "beta_spending":
                var function = SpendingFunctionParser.Parse(value);
                double beta = map.Require("beta", BetaSpendingForm)
                    .AsNumberWhere("a type II error beta in (0, 0.5), 1 - power", b => b > 0 && b < 0.5, "is not strictly between 0 and 0.5");
                return new BetaSpendingFutility(function, beta, DesignDrift(map, plannedInformation), binding);
            case "z":
                return new FixedZFutility(ZList(value, interimLooks, $"{interimLooks} z values, one per interim look"), binding);
            case "hazard_ratio":
                double hazardRatio = value.AsPositive("a hazard ratio > 0 (experimental / control) above which the trial stops");
                if (monitor is not (LogRankSpec or CoxSpec))
                    throw value.Error($"a hazard-ratio futility rule needs a hazard-ratio monitor, but '{monitor.Name}' is {AnalysisTypeName.Of(monitor)}",
                        "a logrank or cox monitor, or futility by z or conditional_power");
                RequireNonBinding(bindingNode, binding, kind);
                return new HazardRatioFutility(hazardRatio, binding);
            default:
                double power = value.AsNumberWhere("a conditional power in (0, 1)", p => p > 0 && p < 1, "is not strictly between 0 and 1");
                RequireNonBinding(bindingNode, binding, kind);
                return new ConditionalPowerFutility(power, binding);
        }
    }

    /// <summary>The drift theta (expected z at the final analysis) under the design alternative:
    /// design_drift itself, or -log(HR) sqrt(planned information / 4) for a design hazard ratio
    /// (Schoenfeld 1981, 1:1 allocation: the information for log HR is about events / 4).</summary>
    private static double DesignDrift(ScenarioMap map, double plannedInformation)
    {
        string kind = map.ChooseOne(BetaSpendingForm, "design_hazard_ratio", "design_drift");
        var value = map.Get(kind)!.Value;
        if (kind == "design_drift") return value.AsPositive("a design drift > 0, the expected z at the final analysis under the alternative");
        double hazardRatio = value.AsNumberWhere("a design hazard ratio in (0, 1) (experimental / control, below 1 = benefit)", h => h > 0 && h < 1, "is not strictly between 0 and 1");
        return -Math.Log(hazardRatio) * Math.Sqrt(plannedInformation / 4);
    }

    private static void RequireNonBinding(ScenarioNode? bindingNode, bool binding, string kind)
    {
        if (binding)
            throw bindingNode!.Value.Error($"a {kind} futility rule cannot be binding (it has no fixed z bound to enter the efficacy computation)",
                "binding: false (or omit it); for a binding rule give z bounds: futility: {z: [...], binding: true}");
    }

    private static System.Collections.Immutable.ImmutableArray<double> ZList(ScenarioNode node, int count, string expected)
    {
        var values = node.AsNumberList($"a list of {expected}");
        if (values.Length != count) throw node.Error($"{values.Length} z values for {count} looks", $"a list of {expected}");
        return values;
    }
}

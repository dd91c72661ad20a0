using System.Collections.Immutable;
using TrialSim.Analyses;
using TrialSim.Cohorts;
using TrialSim.Conduct;
using TrialSim.Decisions;
using static System.FormattableString;

namespace TrialSim.Scenarios;

/// <summary>
/// Reads <c>interim:</c>, the interim looks and the rule that may stop the trial at them: the
/// monitored analysis (by name), the looks (<see cref="InterimLookParser"/>), the planned
/// information, and exactly one of a group-sequential design, a Simon two-stage design or Bayesian
/// monitoring. A Simon design sets its own looks and the final analysis (the n-th evaluable patient
/// at the monitored landmark), so the file gives neither.
/// </summary>
internal static class InterimParser
{
    public const string Form =
        "{monitor: analysis name, looks: [...], planned_information: N (optional), and exactly one of group_sequential: {...}, simon: {...}, bayesian: {...}}";
    private const string BayesianForm =
        "{efficacy_threshold: (0, 1), harm_threshold: (0, efficacy_threshold) (optional), min_predictive_probability: (0, 1) (optional)}";
    private const string PlannedForm = "planned information > 0: events (or evaluable patients) expected at the final analysis";

    /// <summary>The interim design and the final analysis time (the file's, or Simon's n-th evaluable patient).</summary>
    /// <param name="document">The whole scenario: analysis_time and accrual.target are checked against the design.</param>
    /// <param name="final">The parsed analysis_time, or null when the file has none.</param>
    public static (InterimDesign Design, AnalysisTime Final) Parse(ScenarioNode node, ScenarioMap document, AnalysisTime? final,
        ImmutableArray<AnalysisSpec> analyses, Accrual accrual)
    {
        var map = node.AsMap(Form, ["monitor", "looks", "planned_information", "group_sequential", "simon", "bayesian"]);
        string kind = map.ChooseOne(Form, "group_sequential", "simon", "bayesian");
        var monitor = Monitor(map, analyses, kind);
        var ruleNode = map.Get(kind)!.Value;
        if (kind == "simon") return Simon(map, ruleNode, document, (BinomialLandmarkSpec)monitor, accrual);

        if (final is null) throw document.Missing("analysis_time", AnalysisTimeParser.Form);
        double? explicitPlanned = map.Get("planned_information")?.AsPositive(PlannedForm);
        double? planned = explicitPlanned ?? final switch
        {
            AtEventCount events => events.Events,
            AtEvaluable evaluable => evaluable.Patients,
            _ => null,
        };
        var looks = InterimLookParser.Parse(map.Require("looks", InterimLookParser.Form), final, planned, accrual.TargetSampleSize);
        if (planned is not double plannedInformation)
            throw map.Missing("planned_information", $"{PlannedForm}; needed when the final analysis_time is not events or evaluable",
                "missing 'planned_information', needed because the final analysis_time is neither events nor evaluable");
        SequentialRule rule = kind == "group_sequential"
            ? GroupSequentialRuleParser.Parse(ruleNode, looks.Length, plannedInformation, monitor)
            : Bayesian(ruleNode);
        return (new InterimDesign(looks, monitor.Name, rule, explicitPlanned), final);
    }

    /// <summary>The monitored analysis, of a type the rule can read.</summary>
    private static AnalysisSpec Monitor(ScenarioMap map, ImmutableArray<AnalysisSpec> analyses, string kind)
    {
        string names = string.Join(", ", analyses.Select(a => a.Name));
        var node = map.Require("monitor", $"the name of the analysis that decides stopping, one of: {names}");
        string name = node.AsString($"an analysis name, one of: {names}");
        var monitor = analyses.FirstOrDefault(a => a.Name == name)
            ?? throw node.Error($"no analysis is named '{name}'", $"an analysis name, one of: {names}");
        string type = AnalysisTypeName.Of(monitor);
        (bool fits, string allowed) = kind switch
        {
            "group_sequential" => (monitor is not BayesianRateSpec,
                "an analysis with a one-sided p-value: km_landmark, binomial_landmark, one_sample_logrank, logrank, cox, landmark_rate_difference, fisher_exact or rmst_difference (not bayesian_rate)"),
            "simon" => (monitor is BinomialLandmarkSpec, "a binomial_landmark analysis (in a single-arm design)"),
            _ => (monitor is BayesianRateSpec, "a bayesian_rate analysis"),
        };
        if (!fits) throw node.Error($"{kind} cannot monitor '{name}', a {type} analysis", allowed);
        return monitor;
    }

    /// <summary>Simon's design sets the looks (n1 evaluable) and the final analysis (n evaluable) at the monitored landmark.</summary>
    private static (InterimDesign, AnalysisTime) Simon(ScenarioMap map, ScenarioNode ruleNode, ScenarioMap document, BinomialLandmarkSpec monitor, Accrual accrual)
    {
        foreach (string key in (string[])["looks", "planned_information"])
            if (map.Has(key))
                throw map.KeyNode(key).Error($"simon sets its own looks and information, so '{key}' cannot be given",
                    "interim: {monitor, simon: {...}} without looks or planned_information");
        var design = SimonDesignParser.Parse(ruleNode, monitor);
        if (document.Has("analysis_time"))
            throw document.KeyNode("analysis_time").Error("simon sets the final analysis to the n-th evaluable patient",
                Invariant($"no analysis_time with interim.simon (the final analysis is at n = {design.TotalSize} evaluable patients at {monitor.Landmark} months)"));
        if (design.TotalSize > accrual.TargetSampleSize)
        {
            var target = document.Get("accrual")!.Value.AsMap(AccrualParser.Form, null).Get("target")!.Value;
            int allowance = (int)Math.Ceiling(design.TotalSize * 1.15);
            throw target.Error($"accrual target {accrual.TargetSampleSize} is below the Simon design's n = {design.TotalSize} evaluable patients",
                $"accrual.target at least n = {design.TotalSize}, plus an allowance for dropout and ineligible patients (e.g. {allowance} for 15%)");
        }
        var looks = ImmutableArray.Create<AnalysisTime>(new AtEvaluable(design.FirstStageSize, monitor.Landmark));
        return (new InterimDesign(looks, monitor.Name, new SimonRule(design), null), new AtEvaluable(design.TotalSize, monitor.Landmark));
    }

    private static BayesianMonitoringRule Bayesian(ScenarioNode node)
    {
        var map = node.AsMap(BayesianForm, ["efficacy_threshold", "harm_threshold", "min_predictive_probability"]);
        const string rule = "is not strictly between 0 and 1";
        double efficacy = map.Require("efficacy_threshold", BayesianForm)
            .AsNumberWhere("a posterior probability in (0, 1) at or above which an interim look stops for success", p => p > 0 && p < 1, rule);
        double? harm = null;
        if (map.Get("harm_threshold") is ScenarioNode harmNode)
        {
            harm = harmNode.AsNumberWhere("a posterior probability in (0, 1) at or below which an interim look stops for harm", p => p > 0 && p < 1, rule);
            if (harm >= efficacy)
                throw harmNode.Error(Invariant($"harm_threshold {harm} is not below efficacy_threshold {efficacy}"),
                    Invariant($"a harm threshold below the efficacy threshold ({efficacy})"));
        }
        double? predictive = map.Get("min_predictive_probability")?.AsNumberWhere(
            "a predictive probability of final success in (0, 1) below which an interim look stops for futility", p => p > 0 && p < 1, rule);
        return new BayesianMonitoringRule(efficacy, harm, predictive);
    }
}

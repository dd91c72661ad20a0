using System.Collections.Immutable;
using TrialSim.Cohorts;
using static System.FormattableString;

namespace TrialSim.Scenarios;

/// <summary>Reads <c>stratification:</c>, a list of factors whose levels are crossed into strata;
/// each level has a prevalence (a factor's sum to 1) and a hazard ratio scaling progression.</summary>
internal static class StratificationParser
{
    public const string Form = "a non-empty list of factors, each {name, levels: [{name, prevalence, hazard_ratio}, ...]}";
    private const string FactorForm = "{name, levels: [{name, prevalence, hazard_ratio}, ...]}";
    private const string LevelForm = "{name, prevalence: in (0, 1], hazard_ratio: > 0 (default 1)}";
    private const double SumTolerance = 1e-9;

    public static Strata Parse(ScenarioNode node)
    {
        var items = node.AsList(Form);
        if (items.Count == 0) throw node.Error("no stratification factors", $"{Form}; omit stratification for none");
        var factors = new List<StratificationFactor>(items.Count);
        foreach (var item in items)
        {
            var factor = item.AsMap(FactorForm, ["name", "levels"]);
            var nameNode = factor.Require("name", "a factor name");
            string name = nameNode.AsString("a factor name");
            if (factors.Any(f => f.Name == name)) throw nameNode.Error($"factor '{name}' is listed twice", "distinct factor names");
            factors.Add(new StratificationFactor(name, Levels(factor.Require("levels", FactorForm))));
        }
        return node.Construct(Invariant($"at most {Strata.MaxCount} crossed strata (the product of the factors' numbers of levels)"), () => new Strata(factors));
    }

    private static ImmutableArray<StratumLevel> Levels(ScenarioNode node)
    {
        string listForm = $"a non-empty list of levels, each {LevelForm}, with prevalences summing to 1";
        var items = node.AsList(listForm);
        if (items.Count == 0) throw node.Error("no levels", listForm);
        var levels = ImmutableArray.CreateBuilder<StratumLevel>(items.Count);
        foreach (var item in items)
        {
            var level = item.AsMap(LevelForm, ["name", "prevalence", "hazard_ratio"]);
            var nameNode = level.Require("name", "a level name");
            string name = nameNode.AsString("a level name");
            if (levels.Any(l => l.Name == name)) throw nameNode.Error($"level '{name}' is listed twice", "distinct level names within a factor");
            double prevalence = level.Require("prevalence", LevelForm)
                .AsNumberWhere("a prevalence in (0, 1]", p => p > 0 && p <= 1, "is not in (0, 1]");
            double hazardRatio = level.Get("hazard_ratio")?.AsPositive("a hazard ratio > 0") ?? 1;
            levels.Add(new StratumLevel(name, prevalence, hazardRatio));
        }
        double sum = levels.Sum(l => l.Prevalence);
        if (Math.Abs(sum - 1) > SumTolerance)
            throw node.Error(Invariant($"the prevalences sum to {sum:G12}"), "level prevalences summing to 1");
        return levels.MoveToImmutable();
    }
}

using System.Collections.Immutable;
using TrialSim.Cohorts;

namespace TrialSim.Scenarios;

/// <summary>Reads <c>arms:</c>, the arms of a randomised design and their allocation ratios (two or
/// more; a single-arm design leaves the key out).</summary>
internal static class ArmsParser
{
    public const string Form = "a list of two or more arms, each {name, ratio: positive whole number (default 1)}; a single-arm design omits arms";
    private const string ArmForm = "{name, ratio: positive whole number (default 1)}";
    private const string RatioForm = "an allocation ratio, a positive whole number";

    public static ImmutableArray<Arm> Parse(ScenarioNode node)
    {
        var items = node.AsList(Form);
        if (items.Count < 2) throw node.Error($"{items.Count} arm{(items.Count == 1 ? "" : "s")} listed", Form);
        var arms = ImmutableArray.CreateBuilder<Arm>(items.Count);
        foreach (var item in items)
        {
            var arm = item.AsMap(ArmForm, ["name", "ratio"]);
            var nameNode = arm.Require("name", "an arm name");
            string name = nameNode.AsString("an arm name");
            if (arms.Any(a => a.Name == name)) throw nameNode.Error($"arm '{name}' is listed twice", "distinct arm names");
            int ratio = arm.Get("ratio")?.AsPositiveInt(RatioForm) ?? 1;
            arms.Add(new Arm(name, ratio));
        }
        return arms.MoveToImmutable();
    }

    /// <summary>The index of the arm named <paramref name="name"/>, or -1.</summary>
    public static int IndexOf(IReadOnlyList<Arm> arms, string name)
    {
        for (int a = 0; a < arms.Count; a++) if (arms[a].Name == name) return a;
        return -1;
    }

    /// <summary>The arm names joined for error messages: "stop, continue".</summary>
    public static string List(IReadOnlyList<Arm> arms) => string.Join(", ", arms.Select(a => a.Name));
}

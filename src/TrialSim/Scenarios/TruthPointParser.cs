using System.Collections.Immutable;
using TrialSim.Cohorts;

namespace TrialSim.Scenarios;

/// <summary>Reads <c>truths:</c>, a mapping from a name (H0, H1, ...) to a truth; each becomes one
/// scenario point. A single-arm truth gives the arm's models directly; with two or more arms a
/// truth maps every arm name, exactly once, to that arm's truth.</summary>
internal static class TruthPointParser
{
    public const string Form = "a mapping of names to truths ({progression: <model>, ...}, or with arms one such truth per arm name), with at least one entry";

    public static ImmutableArray<TruthPoint> Parse(ScenarioNode node, ImmutableArray<Arm> arms)
    {
        var map = node.AsMap(Form, null);
        if (map.Keys.Count == 0) throw node.Error("no truths", Form);
        var points = ImmutableArray.CreateBuilder<TruthPoint>(map.Keys.Count);
        foreach (string name in map.Keys)
        {
            var truth = map.Get(name)!.Value;
            points.Add(arms.Length == 1
                ? new TruthPoint(name, [ArmTruthParser.Parse(truth, arms, 0)])
                : new TruthPoint(name, PerArm(truth, arms)));
        }
        return points.MoveToImmutable();
    }

    private static ImmutableArray<ArmTruth> PerArm(ScenarioNode node, ImmutableArray<Arm> arms)
    {
        string armList = ArmsParser.List(arms);
        string form = $"a mapping from every arm ({armList}) to its truth {ArmTruthParser.MultiArmForm}";
        var map = node.AsMap(form, null);
        foreach (string key in map.Keys)
            if (ArmsParser.IndexOf(arms, key) < 0)
                throw map.KeyNode(key).Error($"'{key}' is not an arm", $"every arm exactly once as a key: {armList}");
        var truths = ImmutableArray.CreateBuilder<ArmTruth>(arms.Length);
        for (int a = 0; a < arms.Length; a++)
        {
            var armNode = map.Get(arms[a].Name)
                ?? throw map.Missing(arms[a].Name, $"every arm exactly once as a key: {armList}", $"no truth for arm '{arms[a].Name}'");
            truths.Add(ArmTruthParser.Parse(armNode, arms, a));
        }
        return truths.MoveToImmutable();
    }
}

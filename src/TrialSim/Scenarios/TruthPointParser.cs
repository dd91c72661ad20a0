using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace TrialSim.Scenarios;

/// <summary>Reads <c>truths:</c>, a mapping from a name (H0, H1, ...) to the progression model and
/// an optional death model; each becomes one scenario point.</summary>
internal static class TruthPointParser
{
    public const string Form = "a mapping of names to {progression: <model>, death: <model>}, with at least one entry";
    private const string TruthForm = "{progression: <model>, death: <model> (optional)}";

    public static ImmutableArray<TruthPoint> Parse(ScenarioNode node)
    {
        var map = node.AsMap(Form, null);
        if (map.Keys.Count == 0) throw node.Error("no truths", Form);
        var points = ImmutableArray.CreateBuilder<TruthPoint>(map.Keys.Count);
        foreach (string name in map.Keys)
        {
            var truth = map.Get(name)!.Value.AsMap(TruthForm, ["progression", "death"]);
            var progression = EventTimeModelParser.Parse(truth.Require("progression", EventTimeModelParser.Form));
            var death = truth.Get("death") is ScenarioNode deathNode ? EventTimeModelParser.Parse(deathNode) : null;
            points.Add(new TruthPoint(name, progression, death));
        }
        return points.MoveToImmutable();
    }
}

using System.Collections.Immutable;
using TrialSim.Cohorts;

namespace TrialSim.Scenarios;

/// <summary>
/// Reads one arm's truth: progression, optional death, optional rechallenge at progression, and
/// (with two or more arms) optional stopping for toxicity, after which the progression model of
/// the arm named by <c>switch_to</c> applies.
/// </summary>
internal static class ArmTruthParser
{
    public const string SingleArmForm = "{progression: <model>, death: <model> (optional), rechallenge: {response, progression} (optional)}";
    public const string MultiArmForm = "{progression: <model>, death, rechallenge, toxicity_stop: <model> with switch_to: <arm> (all optional)}";
    private const string RechallengeForm = "{response: probability in [0, 1], progression: <model> (PFS2 after restart)}";

    /// <param name="arm">This arm's index in <paramref name="arms"/>.</param>
    public static ArmTruth Parse(ScenarioNode node, ImmutableArray<Arm> arms, int arm)
    {
        bool multiArm = arms.Length > 1;
        var map = multiArm
            ? node.AsMap(MultiArmForm, ["progression", "death", "rechallenge", "toxicity_stop", "switch_to"])
            : node.AsMap(SingleArmForm, ["progression", "death", "rechallenge"]);
        var progression = EventTimeModelParser.Parse(map.Require("progression", EventTimeModelParser.Form));
        var death = map.Get("death") is ScenarioNode deathNode ? EventTimeModelParser.Parse(deathNode) : null;
        var rechallenge = map.Get("rechallenge") is ScenarioNode rechallengeNode ? Rechallenge(rechallengeNode) : null;
        var treatmentSwitch = multiArm ? Switch(map, arms, arm) : null;
        return new ArmTruth(progression, death, rechallenge, treatmentSwitch);
    }

    private static Rechallenge Rechallenge(ScenarioNode node)
    {
        var map = node.AsMap(RechallengeForm, ["response", "progression"]);
        double response = map.Require("response", RechallengeForm)
            .AsNumberWhere("a response probability in [0, 1]", p => p >= 0 && p <= 1, "is not in [0, 1]");
        var afterRestart = EventTimeModelParser.Parse(map.Require("progression", RechallengeForm));
        return new Rechallenge(response, afterRestart);
    }

    private static TreatmentSwitch? Switch(ScenarioMap map, ImmutableArray<Arm> arms, int arm)
    {
        var others = arms.Where((_, a) => a != arm).Select(a => a.Name).ToArray();
        string targetForm = $"switch_to: the arm whose progression model applies after stopping, one of: {string.Join(", ", others)}";
        var stopNode = map.Get("toxicity_stop");
        var targetNode = map.Get("switch_to");
        if (stopNode is null && targetNode is null) return null;
        if (stopNode is null)
            throw targetNode!.Value.Error("switch_to without toxicity_stop", "toxicity_stop: <model> (time to stopping for toxicity) together with switch_to");
        if (targetNode is not ScenarioNode target)
            throw map.Missing("switch_to", targetForm, "toxicity_stop without switch_to");
        var timeToStop = EventTimeModelParser.Parse(stopNode.Value);
        string name = target.AsString(targetForm);
        if (name == arms[arm].Name) throw target.Error($"arm '{name}' cannot switch to itself", targetForm);
        int toArm = ArmsParser.IndexOf(arms, name);
        if (toArm < 0) throw target.Error($"'{name}' is not an arm", targetForm);
        return new TreatmentSwitch(timeToStop, toArm);
    }
}

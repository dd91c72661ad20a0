using TrialSim.Decisions;
using YamlDotNet.RepresentationModel;

namespace TrialSim.Scenarios;

/// <summary>Reads an error-spending function: <c>obrien_fleming</c>, <c>pocock</c>,
/// <c>{hwang_shih_decani: gamma}</c> or <c>{kim_demets: rho}</c>. Used for alpha (efficacy) and
/// beta (futility) spending alike.</summary>
internal static class SpendingFunctionParser
{
    public const string Form = "obrien_fleming, pocock, {hwang_shih_decani: gamma (finite)} or {kim_demets: rho > 0}";

    public static SpendingFunction Parse(ScenarioNode node)
    {
        if (node.Yaml is YamlMappingNode)
        {
            var map = node.AsMap(Form, ["hwang_shih_decani", "kim_demets"]);
            string family = map.ChooseOne(Form, "hwang_shih_decani", "kim_demets");
            var value = map.Get(family)!.Value;
            return family == "kim_demets"
                ? new KimDeMetsPower(value.AsPositive("a Kim-DeMets power rho > 0 (1: linear, 3: close to O'Brien-Fleming)"))
                : new HwangShihDeCani(value.AsNumber("a Hwang-Shih-DeCani gamma, any finite number (-4: close to O'Brien-Fleming, 1: close to Pocock)"));
        }
        return node.AsString(Form) switch
        {
            "obrien_fleming" => new LanDeMetsOBrienFleming(),
            "pocock" => new LanDeMetsPocock(),
            string other => throw node.Error($"unknown spending function '{other}'", Form),
        };
    }
}

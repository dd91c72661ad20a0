using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using TrialSim.Scenarios;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TrialSim.Sweeps;

/// <summary>
/// Reads the <c>sweep</c> section: named axes under <c>grid</c> (crossed) and <c>zip</c> (moved
/// together). Each axis names a field of the scenario and gives its values as a list, a range or
/// labelled cases. Checks everything that can be checked without the rest of the document.
/// </summary>
internal static partial class SweepParser
{
    public const string Form = "{grid: {NAME: AXIS, ...}, zip: {NAME: AXIS, ...}} with at least one axis";
    public const string AxisForm =
        "{field: PATH, values: [v1, v2, ...]}, {field: PATH, from: A, to: B, step: S} or {field: PATH, cases: {LABEL: VALUE, ...}}";
    private const string NameForm = "an axis name of letters, digits and underscores, starting with a letter";
    private const int MaxRangeValues = 100_000;

    /// <summary>Output columns an axis may not be named after.</summary>
    private static readonly string[] ReservedNames =
        ["point", "point_label", "truth", "truth_index", "arm", "arm_name", "look", "is_final", "analysis", "analysis_type", "replicate", "replicates"];

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex NamePattern();

    /// <summary>The axes in order: grid axes as written, then the zip group (which varies fastest).</summary>
    public static ImmutableArray<SweepAxis> Parse(ScenarioNode node)
    {
        var map = node.AsMap(Form, ["grid", "zip"]);
        if (!map.Has("grid") && !map.Has("zip")) throw node.Error("no axes", Form);
        var axes = ImmutableArray.CreateBuilder<SweepAxis>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (map.Get("grid") is ScenarioNode grid) ReadGroup(grid, zipped: false, axes, names);
        if (map.Get("zip") is ScenarioNode zip)
        {
            int first = axes.Count;
            ReadGroup(zip, zipped: true, axes, names);
            var zipMap = zip.AsMap(Form, null);
            for (int a = first + 1; a < axes.Count; a++)
                if (axes[a].Values.Length != axes[first].Values.Length)
                    throw zipMap.Get(axes[a].Name)!.Value.Error(
                        $"axis '{axes[a].Name}' has {axes[a].Values.Length} values but '{axes[first].Name}' has {axes[first].Values.Length}",
                        "zipped axes with the same number of values (the i-th values go together)");
        }
        return axes.ToImmutable();
    }

    private static void ReadGroup(ScenarioNode group, bool zipped, ImmutableArray<SweepAxis>.Builder axes, HashSet<string> names)
    {
        const string groupForm = "a mapping from axis names to axes, each " + AxisForm;
        var map = group.AsMap(groupForm, null);
        if (map.Keys.Count == 0) throw group.Error("no axes", groupForm);
        foreach (string name in map.Keys)
        {
            if (!NamePattern().IsMatch(name)) throw map.KeyNode(name).Error($"'{name}' is not a valid axis name", NameForm);
            if (ReservedNames.Contains(name))
                throw map.KeyNode(name).Error($"'{name}' is an output column", $"an axis name other than {string.Join(", ", ReservedNames)}");
            if (!names.Add(name)) throw map.KeyNode(name).Error($"axis '{name}' is defined twice", "each axis name once across grid and zip");
            axes.Add(ReadAxis(name, map.Get(name)!.Value, zipped));
        }
    }

    private static SweepAxis ReadAxis(string name, ScenarioNode node, bool zipped)
    {
        var map = node.AsMap(AxisForm, ["field", "values", "cases", "from", "to", "step"]);
        var fieldNode = map.Require("field", "a field path such as accrual.target or truths.H1.progression");
        string text = fieldNode.AsString("a field path such as accrual.target, truths.H1.progression or analyses[0].alpha");
        var field = FieldPath.TryParse(text)
            ?? throw fieldNode.Error($"'{text}' is not a field path", "keys joined by dots, list items by [index], e.g. analyses[0].alpha");
        string kind = map.ChooseOne(AxisForm, "values", "cases", "from");
        var values = kind switch
        {
            "values" => ReadList(map.Get("values")!.Value),
            "cases" => ReadCases(map.Get("cases")!.Value),
            _ => ReadRange(map),
        };
        if (kind != "from")
            foreach (string key in new[] { "to", "step" })
                if (map.Has(key)) throw map.KeyNode(key).Error($"'{key}' belongs to a range (from, to, step)", AxisForm);
        return new SweepAxis(name, field, values, zipped);
    }

    private static ImmutableArray<SweepValue> ReadList(ScenarioNode node)
    {
        const string form = "a non-empty list of single values (numbers or text); give structured values labels with cases";
        var items = node.AsList(form);
        if (items.Count == 0) throw node.Error("an empty list", form);
        var values = ImmutableArray.CreateBuilder<SweepValue>(items.Count);
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item.Yaml is not YamlScalarNode scalar || YamlScalar.KindOf(scalar) == YamlScalarKind.Null)
                throw item.Error("not a single value", form);
            var value = YamlScalar.KindOf(scalar) == YamlScalarKind.Number
                ? Number(YamlScalar.ToDouble(scalar), scalar, scalar.Start)
                : new SweepValue(scalar.Value!, null) { Yaml = scalar, Location = scalar.Start };
            if (!labels.Add(value.Label)) throw item.Error($"'{value.Label}' appears twice", "each value once");
            values.Add(value);
        }
        return values.MoveToImmutable();
    }

    private static ImmutableArray<SweepValue> ReadCases(ScenarioNode node)
    {
        const string form = "a non-empty mapping from a label (the output column's text) to the field's value";
        var map = node.AsMap(form, null);
        if (map.Keys.Count == 0) throw node.Error("no cases", form);
        var values = ImmutableArray.CreateBuilder<SweepValue>(map.Keys.Count);
        foreach (string label in map.Keys) {
            var value = map.Get(label)!.Value;
            values.Add(new SweepValue(label, null) { Yaml = value.Yaml, Location = value.Yaml.Start });
        }
        return values.MoveToImmutable();
    }

    private static ImmutableArray<SweepValue> ReadRange(ScenarioMap map)
    {
        const string form = "a range {from: A, to: B, step: S} with S > 0 and B >= A";
        double from = map.Require("from", form).AsNumber("the first value, a number");
        var toNode = map.Require("to", form);
        double to = toNode.AsNumber("the last value, a number");
        var stepNode = map.Require("step", form);
        double step = stepNode.AsNumber("a step > 0");
        if (step <= 0) throw stepNode.Error(step == 0 ? "a zero step" : "a negative step", "a step > 0 (write from as the smaller end)");
        if (to < from) throw toNode.Error(Text($"an empty range: to ({to}) is below from ({from})"), form);
        double steps = Math.Floor((to - from) / step + 1e-9);
        if (steps + 1 > MaxRangeValues) throw stepNode.Error(Text($"{steps + 1:F0} values"), $"at most {MaxRangeValues:N0} values on one axis");
        var values = ImmutableArray.CreateBuilder<SweepValue>((int)steps + 1);
        for (int i = 0; i <= (int)steps; i++)
        {
            // Round away the representation error of from + i*step (0.1 + 2*0.1 = 0.30000000000000004).
            double value = double.Parse((from + i * step).ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (i > 0 && value == values[i - 1].Number)
                throw stepNode.Error(Text($"a step too small for the values' 12 significant digits ({values[i - 1].Label} twice)"),
                    "a step that changes the 12th significant digit of every value");
            values.Add(Number(value, null, map.Self.Yaml.Start));
        }
        return values.MoveToImmutable();
    }

    private static SweepValue Number(double value, YamlScalarNode? source, Mark location)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return new SweepValue(text, value) { Yaml = source ?? new YamlScalarNode(text) { Style = ScalarStyle.Plain }, Location = location };
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

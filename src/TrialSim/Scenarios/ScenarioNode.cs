using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TrialSim.Scenarios;

/// <summary>
/// A YAML node with its dotted field path and the file it came from: every typed read either
/// returns a checked value or throws a <see cref="ScenarioException"/> pointing at this node.
/// </summary>
/// <param name="KeyMark">Where the key that introduced this node starts (missing-field errors
/// point there, at the line the author looks at); the node's own start when it has no key.</param>
internal readonly record struct ScenarioNode(YamlNode Yaml, string Path, string File, Mark KeyMark)
{
    /// <summary>The root of a document.</summary>
    public static ScenarioNode Root(YamlNode yaml, string file) => new(yaml, "", file, yaml.Start);

    /// <summary>An error located at this node's value.</summary>
    public ScenarioException Error(string problem, string expected, Exception? inner = null) =>
        new(File, (int)Yaml.Start.Line, (int)Yaml.Start.Column, Path, problem, expected, inner);

    /// <summary>Runs a model constructor or solver; its ArgumentException (they guard their
    /// inputs) becomes an error at this node.</summary>
    public T Construct<T>(string expected, Func<T> build)
    {
        try { return build(); }
        catch (ArgumentException exception) { throw Error(ArgumentMessage.Plain(exception), expected, exception); }
    }

    /// <summary>A mapping whose keys must all be in <paramref name="validKeys"/> (null: checked later
    /// with <see cref="ScenarioMap.AllowOnly"/>).</summary>
    public ScenarioMap AsMap(string expected, IReadOnlyList<string>? validKeys)
    {
        if (Yaml is not YamlMappingNode mapping) throw Error($"{Describe()} is not a mapping", expected);
        var map = new ScenarioMap(mapping, this);
        if (validKeys is not null) map.AllowOnly(validKeys);
        return map;
    }

    /// <summary>The items of a sequence, each with path <c>Path[i]</c>.</summary>
    public IReadOnlyList<ScenarioNode> AsList(string expected)
    {
        if (Yaml is not YamlSequenceNode sequence) throw Error($"{Describe()} is not a list", expected);
        var items = new List<ScenarioNode>(sequence.Children.Count);
        for (int i = 0; i < sequence.Children.Count; i++)
        {
            var child = sequence.Children[i];
            items.Add(new ScenarioNode(child, $"{Path}[{i}]", File, child.Start));
        }
        return items;
    }

    /// <summary>A non-empty string (quoted, or plain text that YAML would not read as a number,
    /// boolean or null: quote it otherwise).</summary>
    public string AsString(string expected)
    {
        var scalar = Scalar(expected);
        var kind = YamlScalar.KindOf(scalar);
        if (kind is YamlScalarKind.Number or YamlScalarKind.Boolean)
            throw Error($"'{scalar.Value}' reads as a {(kind == YamlScalarKind.Number ? "number" : "boolean")}, not text (quote it)", expected);
        if (kind != YamlScalarKind.String || scalar.Value!.Length == 0)
            throw Error($"{Describe()} is not a non-empty string", expected);
        return scalar.Value!;
    }

    /// <summary>A finite number.</summary>
    public double AsNumber(string expected)
    {
        var scalar = Scalar(expected);
        if (YamlScalar.KindOf(scalar) != YamlScalarKind.Number) throw Error($"{Describe()} is not a number", expected);
        double value = YamlScalar.ToDouble(scalar);
        if (!double.IsFinite(value)) throw Error($"{scalar.Value} is not a finite number", expected);
        return value;
    }

    /// <summary>A number &gt; 0.</summary>
    public double AsPositive(string expected) => AsNumberWhere(expected, v => v > 0, "must be positive");

    /// <summary>A number &gt;= 0.</summary>
    public double AsNonNegative(string expected) => AsNumberWhere(expected, v => v >= 0, "must not be negative");

    /// <summary>A number satisfying <paramref name="accept"/>; <paramref name="rule"/> says what failed.</summary>
    public double AsNumberWhere(string expected, Func<double, bool> accept, string rule)
    {
        double value = AsNumber(expected);
        if (!accept(value)) throw Error(string.Create(CultureInfo.InvariantCulture, $"{value} {rule}"), expected);
        return value;
    }

    /// <summary>A whole number &gt; 0 that fits an int.</summary>
    public int AsPositiveInt(string expected)
    {
        double value = AsNumber(expected);
        if (value != Math.Floor(value)) throw Error($"{Text()} is not a whole number", expected);
        if (value <= 0) throw Error($"{Text()} must be positive", expected);
        if (value > int.MaxValue) throw Error($"{Text()} is too large", $"{expected} up to {int.MaxValue}");
        return (int)value;
    }

    /// <summary>A whole number &gt;= 0 that fits an int.</summary>
    public int AsNonNegativeInt(string expected)
    {
        double value = AsNumber(expected);
        if (value != Math.Floor(value)) throw Error($"{Text()} is not a whole number", expected);
        if (value < 0) throw Error($"{Text()} must not be negative", expected);
        if (value > int.MaxValue) throw Error($"{Text()} is too large", $"{expected} up to {int.MaxValue}");
        return (int)value;
    }

    /// <summary>A non-empty list of finite numbers, each read with <see cref="AsNumber"/>.</summary>
    public ImmutableArray<double> AsNumberList(string expected)
    {
        var items = AsList(expected);
        if (items.Count == 0) throw Error("an empty list", expected);
        var values = ImmutableArray.CreateBuilder<double>(items.Count);
        foreach (var item in items) values.Add(item.AsNumber(expected));
        return values.MoveToImmutable();
    }

    /// <summary>An unsigned 64-bit whole number.</summary>
    public ulong AsUInt64(string expected)
    {
        var scalar = Scalar(expected);
        if (YamlScalar.KindOf(scalar) != YamlScalarKind.Number
            || !ulong.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value))
            throw Error($"{Describe()} is not an unsigned 64-bit whole number", expected);
        return value;
    }

    /// <summary>true or false.</summary>
    public bool AsBoolean(string expected)
    {
        var scalar = Scalar(expected);
        if (YamlScalar.KindOf(scalar) != YamlScalarKind.Boolean) throw Error($"{Describe()} is not true or false", expected);
        return YamlScalar.ToBoolean(scalar);
    }

    private YamlScalarNode Scalar(string expected) =>
        Yaml as YamlScalarNode ?? throw Error($"{Describe()} is not a single value", expected);

    private string Text() => (Yaml as YamlScalarNode)?.Value ?? "";

    /// <summary>A short description of what was found, for "X is not a number" messages.</summary>
    private string Describe() => Yaml switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when YamlScalar.KindOf(s) == YamlScalarKind.Null => "an empty value",
        YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } s => $"the quoted text '{s.Value}'",
        YamlScalarNode s when YamlScalar.KindOf(s) == YamlScalarKind.String => $"the text '{s.Value}'",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "this node",
    };
}

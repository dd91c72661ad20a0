using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace TrialSim.Scenarios;

/// <summary>
/// Converts a YAML node to JSON with the same scalar typing the loader uses
/// (<see cref="YamlScalar"/>), so a JSON Schema validator sees what the loader sees.
/// </summary>
internal static class YamlJsonConverter
{
    public static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => Mapping(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new ArgumentException($"unsupported YAML node {node.NodeType}", nameof(node)),
    };

    private static JsonObject Mapping(YamlMappingNode mapping)
    {
        var json = new JsonObject();
        foreach (var (key, value) in mapping.Children)
            json[(key as YamlScalarNode)?.Value ?? key.ToString()] = Convert(value);
        return json;
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        string text = scalar.Value ?? "";
        switch (YamlScalar.KindOf(scalar))
        {
            case YamlScalarKind.Null: return null;
            case YamlScalarKind.Boolean: return JsonValue.Create(YamlScalar.ToBoolean(scalar));
            case YamlScalarKind.Number:
                // Whole numbers stay whole so 'integer' in the schema matches, seeds up to 2^64 - 1 included.
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole)) return JsonValue.Create(whole);
                if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong big)) return JsonValue.Create(big);
                double value = YamlScalar.ToDouble(scalar);
                return double.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(text);
            default: return JsonValue.Create(text);
        }
    }
}

using System.Text.Json;

namespace TrialSim.Scenarios;

/// <summary>
/// The JSON Schema (draft 2020-12) of scenario files, for editors and for checking shipped
/// scenarios. It describes the shape the loader accepts (keys, types, ranges, mutually exclusive
/// keys); checks across fields (landmarks within follow-up, solvable landmark pairs, distinct
/// analysis names) are the loader's alone.
/// </summary>
public static class ScenarioSchema
{
    private const string ResourceName = "TrialSim.Scenarios.scenario.schema.json";
    private static readonly Lazy<string> Text = new(ReadResource);

    /// <summary>The schema text (embedded from <c>Scenarios/scenario.schema.json</c>).</summary>
    public static string Json => Text.Value;

    /// <summary>
    /// A scenario's YAML as a JSON document, typed as the loader reads it (plain numbers are
    /// numbers, quoted text is a string), ready for a JSON Schema validator.
    /// </summary>
    /// <param name="fileName">Labels errors for malformed YAML.</param>
    /// <exception cref="ScenarioException">The text is not well-formed single-document YAML.</exception>
    public static JsonDocument ToJsonDocument(string yamlText, string fileName = "scenario.yaml")
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        var root = ScenarioLoader.ReadDocument(yamlText, fileName);
        var json = YamlJsonConverter.Convert(root.Yaml);
        return JsonDocument.Parse(json?.ToJsonString() ?? "null");
    }

    private static string ReadResource()
    {
        using var stream = typeof(ScenarioSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from {typeof(ScenarioSchema).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

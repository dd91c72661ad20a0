using System.Text.Json;

namespace TrialSim.Tests.Scenarios;

/// <summary>
/// A test-only JSON Schema validator for the keywords scenario.schema.json uses (type, const,
/// properties, required, additionalProperties, min/maxProperties, items, min/maxItems, oneOf,
/// local $ref, numeric bounds, minLength). JsonSchema.Net cannot be restored here (its
/// JsonPointer.Net dependency is missing from the package source); an unknown keyword fails
/// loudly so the subset cannot silently pass a schema it does not understand.
/// </summary>
internal sealed class SubsetSchemaValidator(JsonElement schemaRoot)
{
    private static readonly HashSet<string> Known =
    [
        "$schema", "$id", "$defs", "title", "description", "type", "const", "properties", "required",
        "additionalProperties", "minProperties", "maxProperties", "items", "minItems", "maxItems", "oneOf",
        "$ref", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength",
    ];

    /// <summary>Problems found, each "path: reason"; empty when the instance is valid.</summary>
    public List<string> Validate(JsonElement instance)
    {
        var errors = new List<string>();
        Check(schemaRoot, instance, "$", errors);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (schema.ValueKind == JsonValueKind.False) { errors.Add($"{path}: not allowed"); return; }
        if (schema.ValueKind == JsonValueKind.True) return;
        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Known.Contains(keyword.Name)) throw new NotSupportedException($"keyword {keyword.Name} is outside the tested subset");
            var rule = keyword.Value;
            switch (keyword.Name)
            {
                case "$ref":
                    string name = rule.GetString()!["#/$defs/".Length..];
                    Check(schemaRoot.GetProperty("$defs").GetProperty(name), value, path, errors);
                    break;
                case "type":
                    if (!HasType(value, rule.GetString()!)) errors.Add($"{path}: not of type {rule.GetString()}");
                    break;
                case "const":
                    if (!JsonElement.DeepEquals(rule, value)) errors.Add($"{path}: not {rule}");
                    break;
                case "oneOf":
                    int matches = rule.EnumerateArray().Count(option => { var e = new List<string>(); Check(option, value, path, e); return e.Count == 0; });
                    if (matches != 1) errors.Add($"{path}: matches {matches} of the oneOf options");
                    break;
                case "minimum" when value.ValueKind == JsonValueKind.Number:
                    if (!(value.GetDouble() >= rule.GetDouble())) errors.Add($"{path}: below {rule}");
                    break;
                case "maximum" when value.ValueKind == JsonValueKind.Number:
                    if (!(value.GetDouble() <= rule.GetDouble())) errors.Add($"{path}: above {rule}");
                    break;
                case "exclusiveMinimum" when value.ValueKind == JsonValueKind.Number:
                    if (!(value.GetDouble() > rule.GetDouble())) errors.Add($"{path}: not above {rule}");
                    break;
                case "exclusiveMaximum" when value.ValueKind == JsonValueKind.Number:
                    if (!(value.GetDouble() < rule.GetDouble())) errors.Add($"{path}: not below {rule}");
                    break;
                case "minLength" when value.ValueKind == JsonValueKind.String:
                    if (value.GetString()!.Length < rule.GetInt32()) errors.Add($"{path}: shorter than {rule}");
                    break;
                case "items" when value.ValueKind == JsonValueKind.Array:
                    int index = 0;
                    foreach (var item in value.EnumerateArray()) Check(rule, item, $"{path}[{index++}]", errors);
                    break;
                case "minItems" when value.ValueKind == JsonValueKind.Array:
                    if (value.GetArrayLength() < rule.GetInt32()) errors.Add($"{path}: fewer than {rule} items");
                    break;
                case "maxItems" when value.ValueKind == JsonValueKind.Array:
                    if (value.GetArrayLength() > rule.GetInt32()) errors.Add($"{path}: more than {rule} items");
                    break;
                case "required" when value.ValueKind == JsonValueKind.Object:
                    foreach (var key in rule.EnumerateArray())
                        if (!value.TryGetProperty(key.GetString()!, out _)) errors.Add($"{path}: missing {key}");
                    break;
                case "minProperties" when value.ValueKind == JsonValueKind.Object:
                    if (value.EnumerateObject().Count() < rule.GetInt32()) errors.Add($"{path}: fewer than {rule} keys");
                    break;
                case "maxProperties" when value.ValueKind == JsonValueKind.Object:
                    if (value.EnumerateObject().Count() > rule.GetInt32()) errors.Add($"{path}: more than {rule} keys");
                    break;
                case "properties" when value.ValueKind == JsonValueKind.Object:
                    foreach (var property in value.EnumerateObject())
                        if (rule.TryGetProperty(property.Name, out var propertySchema)) Check(propertySchema, property.Value, $"{path}.{property.Name}", errors);
                    break;
                case "additionalProperties" when value.ValueKind == JsonValueKind.Object:
                    var declared = schema.TryGetProperty("properties", out var properties) ? properties : default;
                    foreach (var property in value.EnumerateObject())
                        if (declared.ValueKind != JsonValueKind.Object || !declared.TryGetProperty(property.Name, out _))
                            Check(rule, property.Value, $"{path}.{property.Name}", errors);
                    break;
            }
        }
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && (value.TryGetInt64(out _) || value.TryGetUInt64(out _) || Math.Floor(value.GetDouble()) == value.GetDouble()),
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException($"type {type}"),
    };
}

using YamlDotNet.RepresentationModel;

namespace TrialSim.Scenarios;

/// <summary>
/// A YAML mapping being read: look-ups by key, unknown-key and mutually-exclusive-key checks, and
/// missing-field errors that point at the mapping's own key.
/// </summary>
internal sealed class ScenarioMap
{
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    /// <summary>The mapping itself.</summary>
    public ScenarioNode Self { get; }

    /// <summary>Keys in document order.</summary>
    public IReadOnlyList<string> Keys { get; }

    public ScenarioMap(YamlMappingNode mapping, ScenarioNode self)
    {
        Self = self;
        var keys = new List<string>();
        foreach (var (key, value) in mapping.Children)
        {
            string name = (key as YamlScalarNode)?.Value
                ?? throw new ScenarioNode(key, self.Path, self.File, key.Start).Error("a key is not a plain name", "keys that are plain names");
            // YamlDotNet already rejects duplicate keys while loading; this keeps the guarantee local.
            if (!_entries.TryAdd(name, (key, value)))
                throw new ScenarioNode(key, PathOf(name), self.File, key.Start).Error($"key '{name}' appears twice", "each key at most once");
            keys.Add(name);
        }
        Keys = keys;
    }

    /// <summary>The path of a child field.</summary>
    public string PathOf(string key) => Self.Path.Length == 0 ? key : $"{Self.Path}.{key}";

    /// <summary>Rejects any key not in <paramref name="validKeys"/>, listing the valid ones.</summary>
    public void AllowOnly(IReadOnlyList<string> validKeys)
    {
        foreach (string key in Keys)
            if (!validKeys.Contains(key))
                throw KeyNode(key).Error($"unknown key '{key}'", $"one of: {string.Join(", ", validKeys)}");
    }

    public bool Has(string key) => _entries.ContainsKey(key);

    /// <summary>The value under <paramref name="key"/>, or null when absent.</summary>
    public ScenarioNode? Get(string key) =>
        _entries.TryGetValue(key, out var entry) ? new ScenarioNode(entry.Value, PathOf(key), Self.File, entry.Key.Start) : null;

    /// <summary>The value under <paramref name="key"/>; a missing-field error when absent.</summary>
    public ScenarioNode Require(string key, string expected) => Get(key) ?? throw Missing(key, expected);

    /// <summary>An error for a missing field, at the line of this mapping's key; <paramref name="problem"/>
    /// replaces the default "missing required field" when the field's meaning says more.</summary>
    public ScenarioException Missing(string key, string expected, string? problem = null) =>
        new(Self.File, (int)Self.KeyMark.Line, (int)Self.KeyMark.Column, PathOf(key), problem ?? $"missing required field '{key}'", expected);

    /// <summary>The one key of <paramref name="choices"/> that is present; an error when none or
    /// several are.</summary>
    public string ChooseOne(string expected, params string[] choices) =>
        ChooseAtMostOne(expected, choices)
        ?? throw new ScenarioException(Self.File, (int)Self.KeyMark.Line, (int)Self.KeyMark.Column, Self.Path,
            $"needs one of {string.Join(", ", choices)}", expected);

    /// <summary>The one key of <paramref name="choices"/> that is present, or null; an error at the
    /// second key when several are.</summary>
    public string? ChooseAtMostOne(string expected, params string[] choices)
    {
        string? found = null;
        foreach (string key in Keys)
        {
            if (!choices.Contains(key)) continue;
            if (found is not null)
                throw KeyNode(key).Error($"'{found}' and '{key}' cannot both be given", expected);
            found = key;
        }
        return found;
    }

    /// <summary>True when <paramref name="key"/> is given; then none of <paramref name="alternatives"/>
    /// may be (an error at the first that is): for forms such as "{shape, scale} or {landmarks}".</summary>
    public bool HasInsteadOf(string key, IReadOnlyList<string> alternatives, string expected)
    {
        if (!Has(key)) return false;
        foreach (string other in alternatives)
            if (Has(other))
                throw KeyNode(other).Error($"'{key}' and '{other}' cannot both be given", expected);
        return true;
    }

    /// <summary>The key itself as a node: errors about a key (unknown, clashing) point at the key, not its value.</summary>
    public ScenarioNode KeyNode(string key) => new(_entries[key].Key, PathOf(key), Self.File, _entries[key].Key.Start);
}

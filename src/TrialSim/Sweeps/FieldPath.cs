using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace TrialSim.Sweeps;

/// <summary>
/// A field of a scenario document named the way loader errors name it: keys joined by dots,
/// list items by index, e.g. <c>accrual.target</c>, <c>truths.H1.progression</c>,
/// <c>analyses[0].alpha</c>. Swept values are put in place by <see cref="Set"/>.
/// </summary>
public sealed class FieldPath
{
    private readonly ImmutableArray<Step> _steps;

    public string Text { get; }

    /// <summary>The first key (the scenario section the field is in).</summary>
    public string Section => _steps[0].Key!;

    private FieldPath(string text, ImmutableArray<Step> steps)
    {
        Text = text;
        _steps = steps;
    }

    private readonly record struct Step(string? Key, int Index);

    /// <summary>Parses a path; null when it is not of the form <c>key(.key|[index])*</c>.</summary>
    public static FieldPath? TryParse(string text)
    {
        var steps = ImmutableArray.CreateBuilder<Step>();
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] == '[')
            {
                int close = text.IndexOf(']', i);
                if (steps.Count == 0 || close < 0 || !int.TryParse(text.AsSpan(i + 1, close - i - 1), out int index) || index < 0) return null;
                steps.Add(new Step(null, index));
                i = close + 1;
                if (i < text.Length && text[i] == '.') { i++; if (i == text.Length) return null; }
                continue;
            }
            int end = i;
            while (end < text.Length && text[end] != '.' && text[end] != '[') end++;
            if (end == i) return null;
            steps.Add(new Step(text[i..end], -1));
            i = end;
            if (i < text.Length && text[i] == '.') { i++; if (i == text.Length) return null; }
        }
        return steps.Count == 0 ? null : new FieldPath(text, steps.ToImmutable());
    }

    /// <summary>The node at this path in <paramref name="root"/>, or null with the longest prefix
    /// that does exist (for the error message).</summary>
    public YamlNode? Find(YamlNode root, out string existingPrefix)
    {
        var node = root;
        existingPrefix = "";
        foreach (var step in _steps)
        {
            var child = Child(node, step, out _);
            if (child is null) return null;
            existingPrefix = Append(existingPrefix, step);
            node = child;
        }
        return node;
    }

    /// <summary>Puts <paramref name="value"/> at this path in place (the path must exist); keeps the
    /// key order and the source positions of everything else.</summary>
    public void Set(YamlNode root, YamlNode value)
    {
        var parent = root;
        for (int s = 0; s < _steps.Length - 1; s++)
            parent = Child(parent, _steps[s], out _) ?? throw new InvalidOperationException($"no field '{Text}'");
        var last = _steps[^1];
        if (Child(parent, last, out var key) is null) throw new InvalidOperationException($"no field '{Text}'");
        if (parent is YamlMappingNode mapping) mapping.Children[key!] = value;
        else ((YamlSequenceNode)parent).Children[last.Index] = value;
    }

    /// <summary>True when <paramref name="field"/> (a loader error's field) is this path or inside it.</summary>
    public bool Contains(string field) =>
        field == Text || (field.StartsWith(Text, StringComparison.Ordinal) && field.Length > Text.Length && field[Text.Length] is '.' or '[');

    public override string ToString() => Text;

    private static YamlNode? Child(YamlNode node, Step step, out YamlNode? keyNode)
    {
        keyNode = null;
        if (step.Key is null)
            return node is YamlSequenceNode sequence && step.Index < sequence.Children.Count ? sequence.Children[step.Index] : null;
        if (node is not YamlMappingNode mapping) return null;
        foreach (var (key, value) in mapping.Children)
            if (key is YamlScalarNode scalar && scalar.Value == step.Key)
            {
                keyNode = key;
                return value;
            }
        return null;
    }

    private static string Append(string prefix, Step step) =>
        step.Key is null ? $"{prefix}[{step.Index}]" : prefix.Length == 0 ? step.Key : $"{prefix}.{step.Key}";
}

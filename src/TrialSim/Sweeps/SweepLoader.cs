using System.Collections.Immutable;
using TrialSim.Scenarios;
using YamlDotNet.RepresentationModel;

namespace TrialSim.Sweeps;

/// <summary>
/// Turns a scenario file into a <see cref="Sweep"/>: without a <c>sweep</c> section, one point;
/// with one, every point of the grid, each parsed and validated as a scenario of its own before
/// any simulation runs. An error a swept value causes points at that value in the sweep section
/// and names the point.
/// </summary>
public static class SweepLoader
{
    /// <summary>Sections a sweep may not vary: they name the run or would break common random numbers.</summary>
    private static readonly string[] FixedSections = ["name", "description", "seed", "replicates"];
    private const int MaxPoints = 1_000_000;

    /// <exception cref="ScenarioException">The file is missing, unreadable or invalid, or a point is.</exception>
    public static Sweep Load(string path) => Parse(ScenarioLoader.ReadFile(path), path);

    /// <exception cref="ScenarioException">The text is not a valid scenario or sweep.</exception>
    public static Sweep Parse(string yamlText, string fileName)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(fileName);
        var root = ScenarioLoader.ReadDocument(yamlText, fileName);
        if (ScenarioLoader.SweepSection(root) is not { } section) return Sweep.Single(ScenarioLoader.ParseRoot(root));

        var sweepNode = section.Value;
        var mapping = (YamlMappingNode)root.Yaml;
        mapping.Children.Remove(section.Key.Yaml);
        var axes = SweepParser.Parse(sweepNode);
        CheckFields(axes, sweepNode, mapping);
        return new Sweep(axes, Expand(axes, root, sweepNode));
    }

    /// <summary>
    /// A scenario without a sweep, swept over one field by a range given outside the file (as
    /// <c>trialsim size --param FIELD --from A --to B --step S</c> does). The axis is named after
    /// the field (<c>accrual.target</c> gives <c>accrual_target</c>).
    /// </summary>
    /// <exception cref="ScenarioException">The file is invalid, already has a sweep, or the range or field is.</exception>
    public static Sweep ParseWithRange(string yamlText, string fileName, string field, double from, double to, double step)
    {
        var root = ScenarioLoader.ReadDocument(yamlText, fileName);
        if (ScenarioLoader.SweepSection(root) is { } section)
            throw section.Key.Error("this file has its own sweep", "--param naming one of its axes, without --from/--to/--step");
        if (root.Yaml is not YamlMappingNode mapping) return Sweep.Single(ScenarioLoader.ParseRoot(root));
        string name = new string(field.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray()).Trim('_');
        if (name.Length == 0 || !char.IsAsciiLetter(name[0])) name = "param";
        string axis = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"grid: {{{name}: {{field: '{field.Replace("'", "''")}', from: {from:R}, to: {to:R}, step: {step:R}}}}}");
        var sweepNode = ScenarioLoader.ReadDocument(axis, "--param/--from/--to/--step");
        var axes = SweepParser.Parse(sweepNode);
        CheckFields(axes, sweepNode, mapping);
        return new Sweep(axes, Expand(axes, root, sweepNode));
    }

    /// <summary>Every swept field exists in the scenario, may be varied, and is swept by one axis only.</summary>
    private static void CheckFields(ImmutableArray<SweepAxis> axes, ScenarioNode sweepNode, YamlMappingNode document)
    {
        for (int a = 0; a < axes.Length; a++)
        {
            var axis = axes[a];
            var fieldNode = FieldNode(sweepNode, axis);
            if (FixedSections.Contains(axis.Field.Section))
                throw fieldNode.Error($"'{axis.Field.Section}' cannot be swept",
                    $"a field other than {string.Join(", ", FixedSections)} (every point shares the seed and replicates)");
            if (axis.Field.Find(document, out string found) is null)
                throw fieldNode.Error(
                    found.Length == 0 ? $"the scenario has no field '{axis.Field}'" : $"the scenario has no field '{axis.Field}' ('{found}' exists)",
                    "a field given in the scenario (give it a base value there), e.g. accrual.target or truths.H1.progression");
            for (int b = 0; b < a; b++)
                if (axes[b].Field.Contains(axis.Field.Text) || axis.Field.Contains(axes[b].Field.Text))
                    throw fieldNode.Error($"'{axis.Field}' is also swept by axis '{axes[b].Name}' ('{axes[b].Field}')", "each field swept by one axis");
        }
    }

    private static ScenarioNode FieldNode(ScenarioNode sweepNode, SweepAxis axis)
    {
        var group = sweepNode.AsMap(SweepParser.Form, null).Get(axis.Zipped ? "zip" : "grid")!.Value;
        var axisNode = group.AsMap(SweepParser.Form, null).Get(axis.Name)!.Value;
        return axisNode.AsMap(SweepParser.AxisForm, null).Get("field")!.Value;
    }

    /// <summary>The grid in index order: grid axes as written (the first slowest), then the zip
    /// group as one axis (fastest).</summary>
    private static ImmutableArray<SweepPoint> Expand(ImmutableArray<SweepAxis> axes, ScenarioNode root, ScenarioNode sweepNode)
    {
        var dimensions = new List<int>();
        foreach (var axis in axes) if (!axis.Zipped) dimensions.Add(axis.Values.Length);
        int zipped = axes.FirstOrDefault(a => a.Zipped)?.Values.Length ?? 0;
        if (zipped > 0) dimensions.Add(zipped);
        long count = 1;
        foreach (int length in dimensions) count *= length;
        if (count > MaxPoints)
            throw sweepNode.Error($"{count:N0} points", $"at most {MaxPoints:N0} points in one sweep (split it into several files)");

        var points = ImmutableArray.CreateBuilder<SweepPoint>((int)count);
        var choice = new int[axes.Length];
        for (int index = 0; index < count; index++)
        {
            long rest = index;
            for (int d = dimensions.Count - 1, a = axes.Length - 1; d >= 0; d--)
            {
                int position = (int)(rest % dimensions[d]);
                rest /= dimensions[d];
                if (zipped > 0 && d == dimensions.Count - 1)
                    for (; a >= 0 && axes[a].Zipped; a--) choice[a] = position;
                else choice[a--] = position;
            }
            var values = ImmutableArray.CreateBuilder<SweepValue>(axes.Length);
            for (int a = 0; a < axes.Length; a++) values.Add(axes[a].Values[choice[a]]);
            string label = string.Join(", ", axes.Select((axis, a) => $"{axis.Name}={values[a].Label}"));
            points.Add(new SweepPoint(index, label, values.MoveToImmutable(), ParsePoint(root, axes, choice, index, label)));
        }
        return points.MoveToImmutable();
    }

    private static Scenario ParsePoint(ScenarioNode root, ImmutableArray<SweepAxis> axes, int[] choice, int index, string label)
    {
        for (int a = 0; a < axes.Length; a++) axes[a].Field.Set(root.Yaml, axes[a].Values[choice[a]].Yaml);
        try
        {
            return ScenarioLoader.ParseRoot(root);
        }
        catch (ScenarioException exception)
        {
            // Point at the swept value when it is the value that is wrong.
            int line = exception.Line, column = exception.Column;
            for (int a = 0; a < axes.Length; a++)
                if (axes[a].Field.Contains(exception.Field))
                {
                    var location = axes[a].Values[choice[a]].Location;
                    (line, column) = ((int)location.Line, (int)location.Column);
                    break;
                }
            throw new ScenarioException(exception.File, line, column, exception.Field,
                $"{exception.Problem} (at sweep point {index}: {label})", exception.Expected, exception);
        }
    }
}

using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TrialSim.Sweeps;

/// <summary>One value of a sweep axis: its label (the output column's text) and, when the value
/// is a single number, that number (the output column is then numeric).</summary>
public sealed record SweepValue(string Label, double? Number)
{
    /// <summary>The YAML put in place of the swept field.</summary>
    internal YamlNode Yaml { get; init; } = null!;

    /// <summary>Where the value was written (a range's values: the range), for errors a value causes.</summary>
    internal Mark Location { get; init; }
}

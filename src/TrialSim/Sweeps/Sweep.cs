using System.Collections.Immutable;
using TrialSim.Scenarios;

namespace TrialSim.Sweeps;

/// <summary>
/// A scenario file as run: its points, each a complete <see cref="Scenario"/>. A file without a
/// <c>sweep</c> section is a sweep of one point with no axes, so every run goes one way.
/// All points share the seed, so replicate i of every point draws the same random numbers
/// (common random numbers: curves over the grid are smooth and differences precise).
/// </summary>
public sealed record Sweep(ImmutableArray<SweepAxis> Axes, ImmutableArray<SweepPoint> Points)
{
    public bool HasAxes => !Axes.IsEmpty;

    /// <summary>The scenario of the first point (name, seed and replicates are the same at every point).</summary>
    public Scenario First => Points[0].Scenario;

    public static Sweep Single(Scenario scenario) => new([], [new SweepPoint(0, "", [], scenario)]);

    public int AxisIndex(string name)
    {
        for (int a = 0; a < Axes.Length; a++) if (Axes[a].Name == name) return a;
        return -1;
    }
}

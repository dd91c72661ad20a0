using System.Collections.Immutable;
using TrialSim.Scenarios;

namespace TrialSim.Sweeps;

/// <summary>
/// One point of a sweep: the scenario with the swept fields set to this point's values.
/// </summary>
/// <param name="Index">Position in the grid (the first axis varies slowest); the same for the same
/// sweep section, so it names the point in file paths, shards and checkpoints.</param>
/// <param name="Label">The axis values as text, e.g. <c>n=20, shape=weibull</c>; empty without a sweep.</param>
/// <param name="Values">This point's value on each axis, in axis order.</param>
public sealed record SweepPoint(int Index, string Label, ImmutableArray<SweepValue> Values, Scenario Scenario);

using System.Collections.Immutable;
using TrialSim.Sweeps;

namespace TrialSim.Running;

/// <summary>The result of running a sweep: one <see cref="SimulationResult"/> per point, in point order.</summary>
public sealed record SweepResult(Sweep Sweep, ulong Seed, int Replicates, ImmutableArray<SimulationResult> Points, TimeSpan Elapsed)
{
    public long Trials => (long)Replicates * Points.Sum(p => p.Scenario.Points.Length);
}

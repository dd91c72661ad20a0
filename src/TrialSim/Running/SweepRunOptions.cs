namespace TrialSim.Running;

/// <summary>How to run a sweep. Replicates and seed default to the scenario's own.</summary>
/// <param name="Threads">Worker threads; 0 means one per core. Results do not depend on it.</param>
public sealed record SweepRunOptions(int? Replicates = null, ulong? Seed = null, int Threads = 0, CancellationToken Cancellation = default)
{
    /// <summary>Where finished units go (and are resumed from); null keeps everything in memory.</summary>
    public CheckpointStore? Checkpoints { get; init; }

    /// <summary>Skip units already in <see cref="Checkpoints"/>.</summary>
    public bool Resume { get; init; }

    /// <summary>The slice of units to compute; with anything but <see cref="Shard.All"/> the run only writes checkpoints.</summary>
    public Shard Shard { get; init; } = Shard.All;

    public ITrialSink? Trials { get; init; }

    /// <summary>Called as blocks finish, from one thread at a time.</summary>
    public Action<RunProgress>? Progress { get; init; }
}

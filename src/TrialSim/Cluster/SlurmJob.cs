namespace TrialSim.Cluster;

/// <summary>
/// A scenario simulated in shards on a Slurm cluster: one array task per shard, then a merge.
/// Paths are absolute, since the jobs run on other machines, in other directories.
/// </summary>
/// <param name="ScenarioPath">The scenario file, absolute, on storage every node sees.</param>
/// <param name="Shards">Array tasks; task K runs shard K of <paramref name="Shards"/>; at least 1.</param>
/// <param name="Directory">Where the scripts, <c>logs/</c>, <c>shards/</c> and <c>result/</c> go; absolute, shared.</param>
/// <param name="TrialSimCommand">The shell command that starts trialsim on a node (see <see cref="TrialSimInvocation"/>).</param>
public sealed record SlurmJob(string ScenarioPath, int Shards, string Directory, string TrialSimCommand)
{
    /// <summary>Simulated trials per scenario point; null: the scenario's.</summary>
    public int? Replicates { get; init; }

    /// <summary>Random seed; null: the scenario's.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Worker threads per shard; null: the CPUs Slurm gave the task (<c>SLURM_CPUS_PER_TASK</c>).</summary>
    public int? Threads { get; init; }

    /// <summary>CPUs each array task asks for.</summary>
    public int CpusPerTask { get; init; } = 1;

    /// <summary>Wall-clock limit of each job, in a <see cref="SlurmTimeLimit"/> form.</summary>
    public string TimeLimit { get; init; } = "01:00:00";

    /// <summary>Slurm partition; null: the cluster's default.</summary>
    public string? Partition { get; init; }

    /// <summary>Slurm account charged; null: the user's default.</summary>
    public string? Account { get; init; }
}

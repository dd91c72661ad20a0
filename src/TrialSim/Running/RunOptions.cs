namespace TrialSim.Running;

/// <summary>How to run a scenario. Replicates and seed default to the scenario's own.</summary>
/// <param name="Threads">Worker threads; 0 means one per core. Results do not depend on it.</param>
/// <param name="Progress">Called with (trials done, trials in all) as blocks finish, from one thread at a time.</param>
public sealed record RunOptions(
    int? Replicates = null,
    ulong? Seed = null,
    int Threads = 0,
    ITrialSink? Trials = null,
    Action<long, long>? Progress = null,
    CancellationToken Cancellation = default);

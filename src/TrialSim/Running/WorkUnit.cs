namespace TrialSim.Running;

/// <summary>
/// The unit of resumable and sharded work: one chunk of consecutive replicates (up to
/// <see cref="SimulationRunner.ChunkReplicates"/>) of one truth at one sweep point. Its
/// accumulator is what checkpoints and shards store; totals are always merged chunk by chunk in
/// order, so a result does not depend on where or when its units were computed.
/// </summary>
public readonly record struct WorkUnit(int Point, int Truth, int Chunk)
{
    public override string ToString() => $"point {Point}, truth {Truth}, chunk {Chunk}";
}

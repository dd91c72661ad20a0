namespace TrialSim.Running;

/// <summary>A source of random 32-bit words, read one at a time. Implemented by structs and used as a
/// generic constraint (<see cref="UniformInteger.Below"/>), so calls are direct and inlined, never boxed.</summary>
public interface IRandomWords
{
    /// <summary>Next 32 random bits.</summary>
    uint NextUInt32();
}

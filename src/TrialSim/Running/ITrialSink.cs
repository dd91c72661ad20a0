namespace TrialSim.Running;

/// <summary>Receives per-trial results block by block, always in (point, replicate) order.</summary>
public interface ITrialSink
{
    void Write(TrialBlock block);
}

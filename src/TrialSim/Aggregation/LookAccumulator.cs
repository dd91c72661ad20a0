using TrialSim.Running;

namespace TrialSim.Aggregation;

/// <summary>Streaming characteristics of one look (interim or final) at one scenario point.</summary>
public sealed class LookAccumulator
{
    public BinaryTally Reached;
    public BinaryTally StoppedForEfficacy;
    public BinaryTally StoppedForFutility;
    public RunningMoments Time;
    public RunningMoments Information;
    public RunningMoments Statistic;
    public RunningMoments EfficacyBound;
    public RunningMoments FutilityBound;

    public void Add(in LookRecord look)
    {
        bool reached = look.Decision != LookDecision.NotReached;
        Reached.Add(reached);
        StoppedForEfficacy.Add(look.Decision == LookDecision.Efficacy);
        StoppedForFutility.Add(look.Decision == LookDecision.Futility);
        if (!reached) return;
        Time.Add(look.Time);
        Information.Add(look.Information);
        Statistic.Add(look.Z);
        EfficacyBound.Add(look.EfficacyBound);
        FutilityBound.Add(look.FutilityBound);
    }

    public void Merge(LookAccumulator other)
    {
        Reached.Merge(other.Reached);
        StoppedForEfficacy.Merge(other.StoppedForEfficacy);
        StoppedForFutility.Merge(other.StoppedForFutility);
        Time.Merge(other.Time);
        Information.Merge(other.Information);
        Statistic.Merge(other.Statistic);
        EfficacyBound.Merge(other.EfficacyBound);
        FutilityBound.Merge(other.FutilityBound);
    }

    internal void Write(BinaryWriter writer)
    {
        Reached.Write(writer);
        StoppedForEfficacy.Write(writer);
        StoppedForFutility.Write(writer);
        foreach (var moments in (ReadOnlySpan<RunningMoments>)[Time, Information, Statistic, EfficacyBound, FutilityBound]) moments.Write(writer);
    }

    internal void Read(BinaryReader reader)
    {
        Reached = BinaryTally.Read(reader);
        StoppedForEfficacy = BinaryTally.Read(reader);
        StoppedForFutility = BinaryTally.Read(reader);
        Time = RunningMoments.Read(reader);
        Information = RunningMoments.Read(reader);
        Statistic = RunningMoments.Read(reader);
        EfficacyBound = RunningMoments.Read(reader);
        FutilityBound = RunningMoments.Read(reader);
    }

    public void Clear()
    {
        Reached = StoppedForEfficacy = StoppedForFutility = default;
        Time = Information = Statistic = EfficacyBound = FutilityBound = default;
    }
}

using TrialSim.Conduct;

namespace TrialSim.Aggregation;

/// <summary>Streaming per-arm operating characteristics at one point: means of per-trial counts, with their MCSE.</summary>
public sealed class ArmAccumulator
{
    public RunningMoments Enrolled;
    public RunningMoments Analysed;
    public RunningMoments Events;
    public RunningMoments Deaths;
    public RunningMoments MonthsOffDrugPerPatient;
    public RunningMoments Rechallenged;
    public RunningMoments Responded;
    public RunningMoments SecondProgressions;
    public long RechallengedTotal, RespondedTotal;

    public void Add(in ArmOutcome outcome)
    {
        Enrolled.Add(outcome.Enrolled);
        Analysed.Add(outcome.Analysed);
        Events.Add(outcome.Events);
        Deaths.Add(outcome.Deaths);
        if (outcome.Analysed > 0) MonthsOffDrugPerPatient.Add(outcome.MonthsOffDrug / outcome.Analysed);
        Rechallenged.Add(outcome.Rechallenged);
        Responded.Add(outcome.Responded);
        SecondProgressions.Add(outcome.SecondProgressions);
        RechallengedTotal += outcome.Rechallenged;
        RespondedTotal += outcome.Responded;
    }

    public void Merge(ArmAccumulator other)
    {
        Enrolled.Merge(other.Enrolled);
        Analysed.Merge(other.Analysed);
        Events.Merge(other.Events);
        Deaths.Merge(other.Deaths);
        MonthsOffDrugPerPatient.Merge(other.MonthsOffDrugPerPatient);
        Rechallenged.Merge(other.Rechallenged);
        Responded.Merge(other.Responded);
        SecondProgressions.Merge(other.SecondProgressions);
        RechallengedTotal += other.RechallengedTotal;
        RespondedTotal += other.RespondedTotal;
    }

    internal void Write(BinaryWriter writer)
    {
        foreach (var moments in (ReadOnlySpan<RunningMoments>)[Enrolled, Analysed, Events, Deaths, MonthsOffDrugPerPatient, Rechallenged, Responded, SecondProgressions])
            moments.Write(writer);
        writer.Write(RechallengedTotal);
        writer.Write(RespondedTotal);
    }

    internal void Read(BinaryReader reader)
    {
        Enrolled = RunningMoments.Read(reader);
        Analysed = RunningMoments.Read(reader);
        Events = RunningMoments.Read(reader);
        Deaths = RunningMoments.Read(reader);
        MonthsOffDrugPerPatient = RunningMoments.Read(reader);
        Rechallenged = RunningMoments.Read(reader);
        Responded = RunningMoments.Read(reader);
        SecondProgressions = RunningMoments.Read(reader);
        RechallengedTotal = reader.ReadInt64();
        RespondedTotal = reader.ReadInt64();
    }

    public void Clear()
    {
        Enrolled = Analysed = Events = Deaths = MonthsOffDrugPerPatient = Rechallenged = Responded = SecondProgressions = default;
        RechallengedTotal = RespondedTotal = 0;
    }
}

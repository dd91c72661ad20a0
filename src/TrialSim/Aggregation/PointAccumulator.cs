using TrialSim.Analyses;
using TrialSim.Conduct;
using TrialSim.Running;

namespace TrialSim.Aggregation;

/// <summary>
/// Streaming operating characteristics of every analysis at one scenario point. Memory is fixed
/// by the sample size, not by the replicate count.
/// </summary>
public sealed class PointAccumulator
{
    public RunningMoments Enrolled;
    public RunningMoments Analysed;
    public RunningMoments Events;
    public RunningMoments Duration;
    public RunningMoments AccrualDuration;
    public RunningMoments MedianFollowUp;
    public BinaryTally ClosedShort;
    public IntegerHistogram EnrolledDistribution { get; }
    public IntegerHistogram AnalysedDistribution { get; }
    public IntegerHistogram EventsDistribution { get; }
    public QuantileSketch DurationDistribution { get; } = new();
    public QuantileSketch AccrualDurationDistribution { get; } = new();
    public AnalysisAccumulator[] Analyses { get; }
    public ArmAccumulator[] Arms { get; }
    public LookAccumulator[] Looks { get; }

    public PointAccumulator(int maxSampleSize, ReadOnlySpan<double> trueValues, int arms = 1, int looks = 1)
    {
        Looks = new LookAccumulator[looks];
        for (int k = 0; k < looks; k++) Looks[k] = new LookAccumulator();
        Arms = new ArmAccumulator[arms];
        for (int a = 0; a < arms; a++) Arms[a] = new ArmAccumulator();
        EnrolledDistribution = new IntegerHistogram(maxSampleSize);
        AnalysedDistribution = new IntegerHistogram(maxSampleSize);
        EventsDistribution = new IntegerHistogram(maxSampleSize);
        Analyses = new AnalysisAccumulator[trueValues.Length];
        for (int a = 0; a < Analyses.Length; a++) Analyses[a] = new AnalysisAccumulator(trueValues[a]);
    }

    public long Replicates => ClosedShort.Trials;

    public void Add(in TrialOutcome outcome, ReadOnlySpan<AnalysisResult> results, ReadOnlySpan<ArmOutcome> arms, ReadOnlySpan<LookRecord> looks = default)
    {
        if (looks.Length > 1) for (int k = 0; k < Looks.Length; k++) Looks[k].Add(looks[k]);
        for (int a = 0; a < Arms.Length; a++) Arms[a].Add(arms[a]);
        Enrolled.Add(outcome.Enrolled);
        Analysed.Add(outcome.Analysed);
        Events.Add(outcome.Events);
        Duration.Add(outcome.Duration);
        AccrualDuration.Add(outcome.AccrualDuration);
        MedianFollowUp.Add(outcome.MedianFollowUp);
        ClosedShort.Add(outcome.ClosedShort);
        EnrolledDistribution.Add(outcome.Enrolled);
        AnalysedDistribution.Add(outcome.Analysed);
        EventsDistribution.Add(outcome.Events);
        DurationDistribution.Add(outcome.Duration);
        AccrualDurationDistribution.Add(outcome.AccrualDuration);
        for (int a = 0; a < Analyses.Length; a++) Analyses[a].Add(results[a]);
    }

    public void Merge(PointAccumulator other)
    {
        Enrolled.Merge(other.Enrolled);
        Analysed.Merge(other.Analysed);
        Events.Merge(other.Events);
        Duration.Merge(other.Duration);
        AccrualDuration.Merge(other.AccrualDuration);
        MedianFollowUp.Merge(other.MedianFollowUp);
        ClosedShort.Merge(other.ClosedShort);
        EnrolledDistribution.Merge(other.EnrolledDistribution);
        AnalysedDistribution.Merge(other.AnalysedDistribution);
        EventsDistribution.Merge(other.EventsDistribution);
        DurationDistribution.Merge(other.DurationDistribution);
        AccrualDurationDistribution.Merge(other.AccrualDurationDistribution);
        for (int a = 0; a < Analyses.Length; a++) Analyses[a].Merge(other.Analyses[a]);
        for (int a = 0; a < Arms.Length; a++) Arms[a].Merge(other.Arms[a]);
        for (int k = 0; k < Looks.Length; k++) Looks[k].Merge(other.Looks[k]);
    }

    /// <summary>Writes the whole state, exactly (checkpoints and shards are merged later as if never written).</summary>
    internal void Write(BinaryWriter writer)
    {
        writer.Write(Analyses.Length);
        writer.Write(Arms.Length);
        writer.Write(Looks.Length);
        foreach (var moments in (ReadOnlySpan<RunningMoments>)[Enrolled, Analysed, Events, Duration, AccrualDuration, MedianFollowUp]) moments.Write(writer);
        ClosedShort.Write(writer);
        EnrolledDistribution.Write(writer);
        AnalysedDistribution.Write(writer);
        EventsDistribution.Write(writer);
        DurationDistribution.Write(writer);
        AccrualDurationDistribution.Write(writer);
        foreach (var analysis in Analyses) analysis.Write(writer);
        foreach (var arm in Arms) arm.Write(writer);
        foreach (var look in Looks) look.Write(writer);
    }

    /// <summary>Replaces this state with one written by <see cref="Write"/> for an accumulator of the same shape.</summary>
    internal void Read(BinaryReader reader)
    {
        if (reader.ReadInt32() != Analyses.Length || reader.ReadInt32() != Arms.Length || reader.ReadInt32() != Looks.Length)
            throw new InvalidDataException("the accumulator was written for different analyses, arms or looks");
        Enrolled = RunningMoments.Read(reader);
        Analysed = RunningMoments.Read(reader);
        Events = RunningMoments.Read(reader);
        Duration = RunningMoments.Read(reader);
        AccrualDuration = RunningMoments.Read(reader);
        MedianFollowUp = RunningMoments.Read(reader);
        ClosedShort = BinaryTally.Read(reader);
        EnrolledDistribution.Read(reader);
        AnalysedDistribution.Read(reader);
        EventsDistribution.Read(reader);
        DurationDistribution.Read(reader);
        AccrualDurationDistribution.Read(reader);
        foreach (var analysis in Analyses) analysis.Read(reader);
        foreach (var arm in Arms) arm.Read(reader);
        foreach (var look in Looks) look.Read(reader);
    }

    public void Clear()
    {
        Enrolled = Analysed = Events = Duration = AccrualDuration = MedianFollowUp = default;
        ClosedShort = default;
        EnrolledDistribution.Clear();
        AnalysedDistribution.Clear();
        EventsDistribution.Clear();
        DurationDistribution.Clear();
        AccrualDurationDistribution.Clear();
        foreach (var analysis in Analyses) analysis.Clear();
        foreach (var arm in Arms) arm.Clear();
        foreach (var look in Looks) look.Clear();
    }
}

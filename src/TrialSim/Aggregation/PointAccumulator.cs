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

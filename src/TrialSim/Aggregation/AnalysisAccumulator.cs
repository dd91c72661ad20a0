using TrialSim.Analyses;

namespace TrialSim.Aggregation;

/// <summary>Streaming operating characteristics of one analysis under one truth.</summary>
public sealed class AnalysisAccumulator
{
    /// <summary>The value the analysis estimates under this truth (NaN when it has none).</summary>
    public double TrueValue { get; }

    public BinaryTally Rejections;
    public BinaryTally Coverage;
    public RunningMoments Estimate;
    public RunningMoments Error;
    public RunningMoments Analysed;
    public RunningMoments Events;
    public long Undefined;

    public AnalysisAccumulator(double trueValue) => TrueValue = trueValue;

    public void Add(in AnalysisResult result)
    {
        Rejections.Add(result.Reject);
        Analysed.Add(result.Analysed);
        Events.Add(result.Events);
        if (double.IsNaN(result.Estimate))
        {
            Undefined++;
            return;
        }
        Estimate.Add(result.Estimate);
        if (!double.IsNaN(TrueValue))
        {
            Error.Add(result.Estimate - TrueValue);
            Coverage.Add(result.Lower <= TrueValue && TrueValue <= result.Upper);
        }
    }

    public void Merge(AnalysisAccumulator other)
    {
        Rejections.Merge(other.Rejections);
        Coverage.Merge(other.Coverage);
        Estimate.Merge(other.Estimate);
        Error.Merge(other.Error);
        Analysed.Merge(other.Analysed);
        Events.Merge(other.Events);
        Undefined += other.Undefined;
    }

    internal void Write(BinaryWriter writer)
    {
        Rejections.Write(writer);
        Coverage.Write(writer);
        Estimate.Write(writer);
        Error.Write(writer);
        Analysed.Write(writer);
        Events.Write(writer);
        writer.Write(Undefined);
    }

    internal void Read(BinaryReader reader)
    {
        Rejections = BinaryTally.Read(reader);
        Coverage = BinaryTally.Read(reader);
        Estimate = RunningMoments.Read(reader);
        Error = RunningMoments.Read(reader);
        Analysed = RunningMoments.Read(reader);
        Events = RunningMoments.Read(reader);
        Undefined = reader.ReadInt64();
    }

    public void Clear()
    {
        Rejections = default;
        Coverage = default;
        Estimate = default;
        Error = default;
        Analysed = default;
        Events = default;
        Undefined = 0;
    }
}

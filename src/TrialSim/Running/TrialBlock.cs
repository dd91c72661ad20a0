using TrialSim.Analyses;

namespace TrialSim.Running;

/// <summary>Per-trial results of one block of consecutive replicates at one point, for per-trial sinks.</summary>
public sealed class TrialBlock
{
    public TrialBlock(int capacity, int analyses)
    {
        Outcomes = new TrialOutcome[capacity];
        Results = new AnalysisResult[capacity * analyses];
        AnalysisCount = analyses;
    }

    /// <summary>The sweep point (0 without a sweep).</summary>
    public int Point { get; internal set; }
    public int TruthIndex { get; internal set; }
    public long FirstReplicate { get; internal set; }
    public int Count { get; internal set; }
    public int AnalysisCount { get; }
    public TrialOutcome[] Outcomes { get; }
    /// <summary>Row-major: trial t, analysis a at [t * AnalysisCount + a].</summary>
    public AnalysisResult[] Results { get; }
}

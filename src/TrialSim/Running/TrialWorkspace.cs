using TrialSim.Analyses;
using TrialSim.Cohorts;
using TrialSim.Conduct;

namespace TrialSim.Running;

/// <summary>Everything one worker needs to simulate trials, allocated once and reused for every replicate.</summary>
public sealed class TrialWorkspace
{
    public Cohort Cohort { get; }
    public ObservedData Observed { get; }
    public AnalysisResult[] Results { get; }

    public TrialWorkspace(int capacity, int analyses)
    {
        Cohort = new Cohort(capacity);
        Observed = new ObservedData(capacity);
        Results = new AnalysisResult[analyses];
    }
}

using TrialSim.Analyses;
using TrialSim.Cohorts;
using TrialSim.Conduct;

namespace TrialSim.Running;

/// <summary>Everything one worker needs to simulate trials, allocated once and reused for every replicate.</summary>
public sealed class TrialWorkspace
{
    public Cohort Cohort { get; }
    public ObservedData Observed { get; }
    public BlockRandomiser Randomiser { get; }
    public AnalysisResult[] Results { get; }
    /// <summary>Per look (interims, then the final analysis) of the current trial.</summary>
    public LookRecord[] Looks { get; }
    /// <summary>Monitored information at each look performed so far.</summary>
    internal double[] Information { get; }

    public TrialWorkspace(SimulationPlan plan)
    {
        Cohort = new Cohort(plan.Capacity);
        Observed = new ObservedData(plan.Capacity, plan.ArmCount);
        Randomiser = new BlockRandomiser(plan.Scenario.Strata.Count, plan.Scenario.Arms, plan.MaxBlockSize);
        Results = new AnalysisResult[plan.AnalysisCount];
        Looks = new LookRecord[plan.LookCount];
        Information = new double[plan.LookCount];
    }
}

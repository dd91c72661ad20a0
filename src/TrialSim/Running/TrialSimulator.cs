using TrialSim.Analyses;
using TrialSim.Cohorts;
using TrialSim.Conduct;

namespace TrialSim.Running;

/// <summary>
/// One simulated trial, start to finish: cohort, data cut, analyses. Allocation-free: all state
/// lives in the caller's <see cref="TrialWorkspace"/>.
/// </summary>
public static class TrialSimulator
{
    /// <param name="streamGroup">The random-stream group: points sharing a group see the same
    /// random numbers for the same replicate (common random numbers).</param>
    public static TrialOutcome Simulate(SimulationPlan plan, int point, uint replicate, TrialWorkspace workspace, uint streamGroup = 0)
    {
        var scenario = plan.Scenario;
        var stream = new RandomStream(plan.Seed, streamGroup, replicate, 0);
        var cohort = workspace.Cohort;
        CohortGenerator.Generate(cohort, scenario, scenario.Points[point], workspace.Randomiser, stream);

        var observed = workspace.Observed;
        DataCut.Cut(cohort, scenario.AnalysisTime, scenario.Assessments, scenario.MaxFollowUp ?? double.PositiveInfinity, observed);

        var analyses = scenario.Analyses;
        int strata = scenario.Strata.Count;
        for (int a = 0; a < analyses.Length; a++)
            workspace.Results[a] = TrialAnalysis.Analyze(analyses[a], plan.Comparisons[a], observed, strata, plan.PosteriorCaches[a]);

        int enrolled = observed.EnrolledAtCut;
        return new TrialOutcome(
            Enrolled: enrolled,
            Analysed: observed.Count,
            Events: observed.Events,
            Duration: observed.CutTime,
            AccrualDuration: Math.Min(cohort.AccrualEnd, observed.CutTime),
            ClosedShort: enrolled < scenario.Accrual.TargetSampleSize,
            MedianFollowUp: KaplanMeier.MedianFollowUp(observed.Time, observed.IsEvent));
    }
}

using TrialSim.Analyses;
using TrialSim.Cohorts;
using TrialSim.Conduct;
using TrialSim.Scenarios;

namespace TrialSim.Running;

/// <summary>
/// One simulated trial, start to finish: cohort, data cut, analyses. Allocation-free: all state
/// lives in the caller's <see cref="TrialWorkspace"/>.
/// </summary>
public static class TrialSimulator
{
    /// <param name="streamGroup">The random-stream group: points sharing a group see the same
    /// random numbers for the same replicate (common random numbers).</param>
    public static TrialOutcome Simulate(Scenario scenario, TruthPoint truth, ulong seed, uint streamGroup, uint replicate, TrialWorkspace workspace)
    {
        var stream = new RandomStream(seed, streamGroup, replicate, 0);
        var cohort = workspace.Cohort;
        CohortGenerator.Generate(cohort, scenario.Accrual, truth.Progression, truth.Death, scenario.Dropout, stream);

        var observed = workspace.Observed;
        DataCut.Cut(cohort, scenario.AnalysisTime, scenario.Assessments, scenario.MaxFollowUp ?? double.PositiveInfinity, observed);

        var analyses = scenario.Analyses;
        for (int a = 0; a < analyses.Length; a++)
            workspace.Results[a] = SingleArmAnalysis.Analyze(analyses[a], observed.Time, observed.IsEvent);

        int enrolled = observed.EnrolledAtCut;
        double accrualEnd = Math.Min(cohort.AccrualEnd, observed.CutTime);
        return new TrialOutcome(
            Enrolled: enrolled,
            Analysed: observed.Count,
            Events: observed.Events,
            Duration: observed.CutTime,
            AccrualDuration: accrualEnd,
            ClosedShort: enrolled < scenario.Accrual.TargetSampleSize,
            MedianFollowUp: KaplanMeier.MedianFollowUp(observed.Time, observed.IsEvent));
    }
}

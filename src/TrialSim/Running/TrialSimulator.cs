using TrialSim.Analyses;
using TrialSim.Cohorts;
using TrialSim.Conduct;

namespace TrialSim.Running;

/// <summary>
/// One simulated trial, start to finish: cohort, data cuts at each look, analyses, stopping.
/// Allocation-free: all state lives in the caller's <see cref="TrialWorkspace"/>.
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
        double maxFollowUp = scenario.MaxFollowUp ?? double.PositiveInfinity;

        if (plan.Monitor is null)
        {
            DataCut.Cut(cohort, scenario.AnalysisTime, scenario.Assessments, maxFollowUp, observed);
            AnalyzeAll(plan, workspace);
            return Outcome(plan, workspace, endedAtLook: 0);
        }
        return SimulateWithLooks(plan, workspace, maxFollowUp);
    }

    /// <summary>
    /// Interim looks in calendar order, each skipped when its trigger comes no earlier than the
    /// final analysis; the trial stops at the first look whose boundary is crossed (enrolment stops
    /// with it), else runs to the final analysis. Every analysis is reported on the data the trial
    /// ended with; the monitored analysis's rejection is the stopping rule's.
    /// </summary>
    private static TrialOutcome SimulateWithLooks(SimulationPlan plan, TrialWorkspace workspace, double maxFollowUp)
    {
        var scenario = plan.Scenario;
        var cohort = workspace.Cohort;
        var observed = workspace.Observed;
        var monitor = plan.Monitor!;
        int monitorIndex = plan.MonitorIndex;
        var looks = workspace.Looks;
        Array.Clear(looks);
        // Found once: it bounds the interim looks and is where the final cut falls.
        var (finalAnchor, finalOffset) = DataCut.FindCut(cohort, scenario.AnalysisTime, scenario.Assessments, maxFollowUp, observed.Scratch);
        double finalTime = finalAnchor + finalOffset;
        double previous = double.NegativeInfinity;
        int performed = 0;
        var interims = plan.InterimLooks;
        for (int k = 0; k < interims.Length; k++)
        {
            double time = DataCut.FindCutTime(cohort, interims[k], scenario.Assessments, maxFollowUp, observed.Scratch);
            if (!(time < finalTime) || !(time > previous)) continue;
            previous = time;
            DataCut.CutAt(cohort, time, 0, scenario.Assessments, maxFollowUp, observed);
            var monitored = MonitoredResult(plan, interims[k], maxFollowUp, workspace);
            ref var record = ref looks[k];
            record.Time = time;
            var decision = monitor.Decide(performed++, isFinal: false, monitored, workspace.Information, ref record, observed);
            record.Decision = decision;
            if (decision is LookDecision.Efficacy or LookDecision.Futility)
            {
                AnalyzeAll(plan, workspace);
                SetMonitoredRejection(workspace, monitorIndex, decision == LookDecision.Efficacy);
                return Outcome(plan, workspace, endedAtLook: k);
            }
        }
        DataCut.CutAt(cohort, finalAnchor, finalOffset, scenario.Assessments, maxFollowUp, observed);
        AnalyzeAll(plan, workspace);
        ref var final = ref looks[interims.Length];
        final.Time = observed.CutTime;
        var finalMonitored = scenario.Interim!.Rule is Decisions.SimonRule ? MonitoredResult(plan, scenario.AnalysisTime, maxFollowUp, workspace) : workspace.Results[monitorIndex];
        var finalDecision = monitor.Decide(performed, isFinal: true, finalMonitored, workspace.Information, ref final);
        final.Decision = finalDecision;
        SetMonitoredRejection(workspace, monitorIndex, finalDecision == LookDecision.Efficacy);
        return Outcome(plan, workspace, endedAtLook: interims.Length);
    }

    /// <summary>
    /// The monitored analysis at a look. Simon's rule looks only at its stage's patients (the first
    /// ones in order of entry with a known status at the landmark), not at everyone evaluable by then:
    /// later patients known early are early failures, and counting them would bias the stage.
    /// </summary>
    private static AnalysisResult MonitoredResult(SimulationPlan plan, AnalysisTime look, double maxFollowUp, TrialWorkspace workspace)
    {
        var scenario = plan.Scenario;
        int index = plan.MonitorIndex;
        if (scenario.Interim!.Rule is Decisions.SimonRule && look is AtEvaluable stage)
        {
            int evaluable = LandmarkStatus.FirstEvaluable(workspace.Cohort, stage.Patients, stage.Landmark, scenario.Assessments, maxFollowUp, out int successes, out _);
            return new AnalysisResult(evaluable > 0 ? (double)successes / evaluable : double.NaN, double.NaN, double.NaN, double.NaN, false, evaluable, evaluable - successes);
        }
        return TrialAnalysis.Analyze(scenario.Analyses[index], plan.Comparisons[index], workspace.Observed, scenario.Strata.Count, plan.PosteriorCaches[index]);
    }

    private static void SetMonitoredRejection(TrialWorkspace workspace, int monitorIndex, bool reject) =>
        workspace.Results[monitorIndex] = workspace.Results[monitorIndex] with { Reject = reject };

    private static void AnalyzeAll(SimulationPlan plan, TrialWorkspace workspace)
    {
        var analyses = plan.Scenario.Analyses;
        int strata = plan.Scenario.Strata.Count;
        for (int a = 0; a < analyses.Length; a++)
            workspace.Results[a] = TrialAnalysis.Analyze(analyses[a], plan.Comparisons[a], workspace.Observed, strata, plan.PosteriorCaches[a]);
    }

    private static TrialOutcome Outcome(SimulationPlan plan, TrialWorkspace workspace, int endedAtLook)
    {
        var observed = workspace.Observed;
        int enrolled = observed.EnrolledAtCut;
        return new TrialOutcome(
            Enrolled: enrolled,
            Analysed: observed.Count,
            Events: observed.Events,
            Duration: observed.CutTime,
            AccrualDuration: Math.Min(workspace.Cohort.AccrualEnd, observed.CutTime),
            // Closing short is enrolment ending below target (the accrual period ran out, or the rate fell to
            // zero) by the time of the analysis; an analysis or interim stop before enrolment ends is not.
            ClosedShort: workspace.Cohort.ClosedShort && workspace.Cohort.AccrualEnd <= observed.CutTime && endedAtLook == plan.InterimLooks.Length,
            MedianFollowUp: KaplanMeier.MedianFollowUp(observed.Time, observed.IsEvent),
            EndedAtLook: endedAtLook);
    }
}

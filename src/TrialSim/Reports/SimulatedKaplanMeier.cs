using System.Collections.Immutable;
using TrialSim.Analyses;
using TrialSim.Cohorts;
using TrialSim.Conduct;
using TrialSim.Running;
using TrialSim.Scenarios;

namespace TrialSim.Reports;

/// <summary>
/// Kaplan-Meier curves of a few simulated trials, to draw over the assumed survival curves: what
/// a trial of this design could look like. Each trial is the run's own replicate (same seed,
/// same random streams), cut at the final analysis (interim stops are ignored), so the curves are
/// reproducible and belong to the run.
/// </summary>
public static class SimulatedKaplanMeier
{
    /// <summary>Per trial (replicates 0 .. <paramref name="trials"/> - 1), one curve per arm, in arm order.</summary>
    /// <param name="truth">Index of the truth in the scenario's <c>truths</c>.</param>
    public static ImmutableArray<ImmutableArray<StepCurve>> Simulate(Scenario scenario, ulong seed, int truth, int trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        if (truth < 0 || truth >= scenario.Points.Length)
            throw new ArgumentOutOfRangeException(nameof(truth), truth, $"the scenario has {scenario.Points.Length} truths");
        var workspace = new TrialWorkspace(SimulationPlan.Compile(scenario, seed));
        double maxFollowUp = scenario.MaxFollowUp ?? double.PositiveInfinity;
        var result = ImmutableArray.CreateBuilder<ImmutableArray<StepCurve>>(trials);
        for (int r = 0; r < trials; r++)
        {
            // Stream group 0 and the replicate index: the streams SimulationRunner gives replicate r.
            var stream = new RandomStream(seed, 0, (uint)r, 0);
            CohortGenerator.Generate(workspace.Cohort, scenario, scenario.Points[truth], workspace.Randomiser, stream);
            DataCut.Cut(workspace.Cohort, scenario.AnalysisTime, scenario.Assessments, maxFollowUp, workspace.Observed);
            var observed = workspace.Observed;
            result.Add([.. Enumerable.Range(0, scenario.Arms.Length).Select(a => Curve(observed, (byte)a))]);
        }
        return result.MoveToImmutable();
    }

    /// <summary>The product-limit curve of one arm: 1 at time 0, a step at each event time, ending at the arm's last observed time.</summary>
    internal static StepCurve Curve(ObservedData observed, byte arm)
    {
        var time = observed.Time;
        var isEvent = observed.IsEvent;
        var group = observed.Arm;
        var times = ImmutableArray.CreateBuilder<double>();
        var values = ImmutableArray.CreateBuilder<double>();
        times.Add(0);
        values.Add(1);
        double last = 0, lastStep = double.NaN;
        for (int i = 0; i < time.Length; i++)
        {
            if (group[i] != arm) continue;
            last = time[i];
            if (!isEvent[i] || time[i] == lastStep) continue;
            lastStep = time[i];
            // KaplanMeier.At includes every event at this time, so each distinct event time is one step.
            double survival = KaplanMeier.At(time, isEvent, group, arm, time[i]).Survival;
            if (time[i] == 0) values[0] = survival;
            else
            {
                times.Add(time[i]);
                values.Add(survival);
            }
        }
        if (last > times[^1])
        {
            times.Add(last);
            values.Add(values[^1]);
        }
        return new StepCurve(times.ToImmutable(), values.ToImmutable());
    }
}

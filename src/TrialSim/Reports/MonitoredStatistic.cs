using TrialSim.Analyses;
using TrialSim.Decisions;
using TrialSim.Running;

namespace TrialSim.Reports;

/// <summary>What the looks' statistic, bounds and information measure, for axis titles: a z
/// statistic for group-sequential rules, successes for Simon's, a posterior probability for Bayesian monitoring.</summary>
internal sealed record MonitoredStatistic(string Statistic, string Information)
{
    public static MonitoredStatistic Of(ReportScenario? scenario)
    {
        if (scenario?.Scenario is not { Interim: { } interim } model) return new("monitored statistic", "information at the look");
        var monitored = model.Analyses.FirstOrDefault(a => a.Name == interim.Monitor);
        string information = monitored is not null && SequentialMonitor.MeasuresEvents(monitored) ? "events at the look" : "evaluable patients at the look";
        return interim.Rule switch
        {
            GroupSequentialRule => new("z statistic (larger = benefit)", information),
            SimonRule => new("progression-free patients", information),
            BayesianMonitoringRule => new("posterior probability of the rule", information),
            _ => new("monitored statistic", information),
        };
    }

    public bool IsZ => Statistic.StartsWith('z');
}

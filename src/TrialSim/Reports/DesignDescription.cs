using TrialSim.Analyses;
using TrialSim.Cohorts;
using TrialSim.Conduct;
using TrialSim.Decisions;
using TrialSim.Scenarios;

namespace TrialSim.Reports;

/// <summary>The parts of a scenario in plain words, for the protocol paragraph and the report's
/// scenario table: allocation, accrual, scans, analysis time, interim looks, dropout.</summary>
internal static class DesignDescription
{
    private static string N(double value) => ReportNumber.Value(value);

    public static string Allocation(Scenario scenario)
    {
        if (scenario.Arms.Length == 1) return "a single-arm trial";
        var names = scenario.Arms.Select(a => a.Name).ToList();
        string arms = string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
        string ratio = string.Join(":", scenario.Arms.Select(a => a.Ratio));
        string method = scenario.Randomisation switch
        {
            PermutedBlockRandomisation blocks => $"in permuted blocks of {string.Join(" or ", blocks.BlockSizes)}",
            _ => "by simple randomisation",
        };
        string strata = scenario.Strata.Count > 1 ? $", stratified by {string.Join(" and ", scenario.Strata.Factors.Select(f => f.Name))}" : "";
        return $"a randomised trial of {arms}, allocated {ratio} {method}{strata}";
    }

    public static string Accrual(Accrual accrual)
    {
        var rates = accrual.Rate.Rates;
        string rate = rates.Length == 1
            ? $"at about {Rate(rates[0])} patients a month"
            : $"at a rate going from {Rate(rates[0])} to {Rate(rates[^1])} patients a month";
        string sites = accrual.Sites.IsDefaultOrEmpty ? "" : $" from {accrual.Sites.Length} sites";
        string close = accrual.MaxDuration is double limit ? $", closing at month {N(limit)} if the target has not been met" : "";
        return $"{accrual.TargetSampleSize} patients enrolled {rate}{sites}{close}";
    }

    private static string Rate(double perMonth) => Math.Round(perMonth, 2).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    public static string Assessments(AssessmentSchedule schedule, double? maxFollowUp)
    {
        string follow = maxFollowUp is double max ? $"; each patient is followed for at most {N(max)} months" : "";
        if (schedule.IsContinuous) return "progression is observed when it occurs" + follow;
        var visits = schedule.VisitTimes;
        string shown = visits.Length <= 6 ? string.Join(", ", visits.Select(N)) : string.Join(", ", visits.Take(5).Select(N)) + $", ..., {N(visits[^1])}";
        string after = double.IsFinite(schedule.ThereafterEvery) ? $" and every {N(schedule.ThereafterEvery)} months thereafter" : "";
        return $"progression is seen at scheduled scans ({shown} months after entry{after}), as the protocol would record it" + follow;
    }

    /// <param name="plannedEvents">The planned final information in events, to say what an information fraction is.</param>
    public static string AnalysisTime(AnalysisTime time, double? plannedEvents = null) => time switch
    {
        AfterLastPatient a => $"{N(a.FollowUp)} months after the last patient is enrolled",
        AtCalendarTime c => $"at month {N(c.Time)} after enrolment opens",
        AtEventCount e => $"when {e.Events} events have been recorded" + (e.MaxCalendarTime is double cap ? $" (or at month {N(cap)} if sooner)" : ""),
        AtEnrolment n => $"when {n.Patients} patients have been enrolled",
        AtEvaluable v => $"when {v.Patients} patients are evaluable at {N(v.Landmark)} months",
        AtInformationFraction f => plannedEvents is double planned
            ? $"at {Math.Ceiling(f.Fraction * planned - 1e-9)} events ({ReportNumber.Percent(f.Fraction)} of the planned information)"
            : $"at {ReportNumber.Percent(f.Fraction)} of the planned information",
        _ => time.ToString(),
    };

    /// <summary>The interim looks and the rule, or null without interim analyses.</summary>
    public static string? Interim(Scenario scenario)
    {
        if (scenario.Interim is not { } interim) return null;
        var monitored = scenario.Analyses.FirstOrDefault(a => a.Name == interim.Monitor);
        double? plannedEvents = monitored is not null && Running.SequentialMonitor.MeasuresEvents(monitored)
            ? interim.PlannedInformation ?? (scenario.AnalysisTime as AtEventCount)?.Events
            : null;
        string looks = string.Join(", ", interim.Looks.Select(look => AnalysisTime(look, plannedEvents)));
        string rule = interim.Rule switch
        {
            GroupSequentialRule g => $"group-sequential boundaries: {Efficacy(g.Efficacy)}" + (g.Futility is { } f ? $", {Futility(f)}" : ", no futility stopping"),
            SimonRule s => $"Simon's two-stage design {s.Design} (stop after stage 1 with at most {s.Design.FirstStageMaxResponses} of {s.Design.FirstStageSize} progression-free; reject H0 with more than {s.Design.MaxResponses} of {s.Design.TotalSize})",
            BayesianMonitoringRule b => $"Bayesian monitoring: stop for success when the posterior probability reaches {N(b.EfficacyThreshold)}"
                + (b.HarmThreshold is double h ? $", for harm when it falls to {N(h)}" : "")
                + (b.MinPredictiveProbability is double p ? $", for futility when the predictive probability of success falls below {N(p)}" : ""),
            _ => interim.Rule.ToString(),
        };
        string count = interim.Looks.Length == 1 ? "one interim analysis" : $"{interim.Looks.Length} interim analyses";
        return $"{count} ({looks}), monitoring {interim.Monitor} with {rule}";
    }

    private static string Efficacy(EfficacyBoundary boundary) => boundary switch
    {
        SpendingEfficacyBoundary s => $"{Spending(s.Function)} alpha spending for efficacy",
        HaybittlePetoBoundary h => $"Haybittle-Peto efficacy bound z = {N(h.InterimZ)} at the interims",
        FixedEfficacyBoundary f => $"efficacy bounds z = {string.Join(", ", f.Z.Select(N))}",
        _ => boundary.ToString(),
    };

    private static string Futility(FutilityRule rule)
    {
        string binding = rule.Binding ? "binding" : "non-binding";
        return rule switch
        {
            BetaSpendingFutility b => $"{binding} {Spending(b.Function)} beta spending for futility (beta {N(b.Beta)})",
            FixedZFutility z => $"{binding} futility bounds z = {string.Join(", ", z.Z.Select(N))}",
            HazardRatioFutility h => $"{binding} futility stop when the estimated hazard ratio exceeds {N(h.MaxHazardRatio)}",
            ConditionalPowerFutility c => $"{binding} futility stop when conditional power falls below {N(c.MinConditionalPower)}",
            _ => rule.ToString(),
        };
    }

    private static string Spending(SpendingFunction function) => function switch
    {
        LanDeMetsOBrienFleming => "Lan-DeMets O'Brien-Fleming",
        LanDeMetsPocock => "Lan-DeMets Pocock",
        HwangShihDeCani h => $"Hwang-Shih-DeCani (gamma {N(h.Gamma)})",
        KimDeMetsPower k => $"Kim-DeMets (rho {N(k.Rho)})",
        _ => function.ToString(),
    };

    /// <summary>The dropout allowance: the share lost by <paramref name="time"/> months, and ineligible patients.</summary>
    public static string Dropout(Scenario scenario, double time)
    {
        var parts = new List<string>();
        if (scenario.Dropout is { } dropout)
            parts.Add($"loss to follow-up of {ReportNumber.Percent(1 - dropout.Survival(time))} by {N(time)} months ({dropout.Describe()})");
        if (scenario.Accrual.IneligibleFraction > 0)
            parts.Add($"{ReportNumber.Percent(scenario.Accrual.IneligibleFraction)} of patients found ineligible after enrolment");
        return parts.Count == 0 ? "" : string.Join(" and ", parts);
    }

    /// <summary>The time the dropout allowance is quoted at: the primary analysis's landmark or horizon, else 12 months.</summary>
    public static double AllowanceTime(AnalysisSpec analysis) => analysis switch
    {
        KaplanMeierLandmarkSpec k => k.Landmark,
        BinomialLandmarkSpec b => b.Landmark,
        LandmarkRateDifferenceSpec r => r.Landmark,
        FisherExactSpec f => f.Landmark,
        BayesianRateSpec y => y.Landmark,
        RestrictedMeanSpec m => m.Horizon,
        _ => 12,
    };
}

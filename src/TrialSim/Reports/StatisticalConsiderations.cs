using System.Text;
using TrialSim.Analyses;

namespace TrialSim.Reports;

/// <summary>
/// The "Statistical considerations" paragraph of a protocol or grant, in plain English with the
/// numbers filled in: design, hypotheses, test, one-sided alpha, sample size, power with its Monte
/// Carlo standard error, dropout allowance and expected duration. Design facts come from the
/// scenario as run; every operating characteristic comes from summary.parquet, printed with
/// <see cref="ReportNumber"/>.
/// </summary>
public static class StatisticalConsiderations
{
    /// <summary>The analysis the paragraph is about: <paramref name="requested"/> when given, else the
    /// monitored analysis of a design with interim looks, else the first analysis.</summary>
    /// <exception cref="ReportException">No analysis has the requested name.</exception>
    public static string PrimaryAnalysis(ReportInput input, string? requested)
    {
        var names = input.Results.AnalysisNames;
        if (requested is not null)
            return names.Contains(requested)
                ? requested
                : throw new ReportException(input.Results.SummaryPath, $"no analysis named '{requested}'", $"one of: {string.Join(", ", names)}");
        if (input.Scenario?.Scenario.Interim is { } interim && names.Contains(interim.Monitor)) return interim.Monitor;
        return names[0];
    }

    public static string Write(ReportInput input, string analysisName)
    {
        var results = input.Results;
        int firstPoint = results.Summary.Min(r => r.Key.Point);
        var rows = results.Summary.Where(r => r.Analysis == analysisName && r.Key.Point == firstPoint).OrderBy(r => r.Key.TruthIndex).ToArray();
        if (rows.Length == 0) throw new ReportException(results.SummaryPath, $"no rows for analysis '{analysisName}'", "one row per point and analysis");
        var text = new StringBuilder();
        var scenario = input.Scenario?.Scenario;
        var spec = scenario?.Analyses.FirstOrDefault(a => a.Name == analysisName);
        var hypotheses = spec is null ? null : AnalysisHypotheses.Of(spec);
        if (scenario is not null && spec is not null && hypotheses is not null)
        {
            text.Append($"{scenario.Name} is {DesignDescription.Allocation(scenario)}: {DesignDescription.Accrual(scenario.Accrual)}; ");
            text.Append($"{DesignDescription.Assessments(scenario.Assessments, scenario.MaxFollowUp)}. ");
            text.Append($"The primary analysis, {analysisName}, is a {hypotheses.Test}, {(hypotheses.IsBayesian ? "weighing" : "testing")} H0: {hypotheses.NullHypothesis} against H1: {hypotheses.Alternative}");
            text.Append(hypotheses.IsBayesian ? "" : $", at a one-sided significance level of {ReportNumber.Value(spec.Alpha)}");
            text.Append($", {DesignDescription.AnalysisTime(scenario.AnalysisTime)}");
            text.Append(DesignDescription.Interim(scenario) is { } interim ? $", with {interim}. " : ". ");
            string allowance = DesignDescription.Dropout(scenario, DesignDescription.AllowanceTime(spec));
            text.Append(allowance.Length > 0 ? $"The sample size allows for {allowance}. " : "No loss to follow-up is assumed. ");
        }
        else
        {
            text.Append($"{results.Provenance.ScenarioName}: the scenario as run was not available ({input.ScenarioMissing}), so the design, hypotheses and significance level are not restated here; ");
            text.Append($"the primary analysis is {analysisName} ({rows[0].AnalysisType}). ");
        }
        if (results.IsSweep) text.Append($"At sweep point {firstPoint} ({rows[0].Key.PointLabel}), in ");
        else text.Append("In ");
        text.Append($"{ReportNumber.Count(rows[0].Replicates)} simulated trials per truth (seed {results.Provenance.Seed}, trialsim {results.Provenance.ToolVersion}), ");
        text.Append(hypotheses?.IsBayesian == true ? "the probability of declaring success is " : "the probability of rejecting H0 is ");
        text.Append(string.Join(rows.Length == 2 ? " and " : "; ", rows.Select(r => Rejection(r, hypotheses))));
        text.Append(". ");
        foreach (var row in rows) text.Append(Conduct(row, stops: !results.Looks.IsEmpty)).Append(' ');
        return text.ToString().TrimEnd();
    }

    /// <summary>"0.814 (Monte Carlo standard error 0.0039) under H1 (true S(36) 0.35: the power)".</summary>
    private static string Rejection(SummaryRow row, AnalysisHypotheses? hypotheses)
    {
        string truth = "";
        if (hypotheses is not null && double.IsFinite(row.TrueValue))
        {
            string role = hypotheses.RoleOf(row.TrueValue) switch
            {
                TruthRole.Null => hypotheses.IsBayesian ? ": the false-positive rate" : ": the type I error",
                TruthRole.Alternative => ": the power",
                _ => "",
            };
            truth = $" ({hypotheses.TrueValueName} {ReportNumber.Value(row.TrueValue)}{role})";
        }
        return $"{ReportNumber.Rate(row.RejectionRate.Mean)} (Monte Carlo standard error {ReportNumber.Mcse(row.RejectionRate.Mcse)}) under {row.Key.Truth}{truth}";
    }

    /// <summary>Sample size, events, duration and closing short under one truth.</summary>
    /// <param name="stops">The design has interim looks, so a trial may end before its final analysis.</param>
    private static string Conduct(SummaryRow row, bool stops)
    {
        var text = new StringBuilder();
        text.Append($"Under {row.Key.Truth} the trial enrols on average {ReportNumber.Mean(row.Enrolled.Mean)} patients ({ReportNumber.Mean(row.Analysed.Mean)} analysed), ");
        text.Append($"records {ReportNumber.Mean(row.Events.Mean)} events and ");
        text.Append(stops ? "ends (at an interim stop or the final analysis)" : "is analysed");
        text.Append($" at a mean of {ReportNumber.Mean(row.Duration.Mean)} months after enrolment opens ");
        text.Append($"(5-95%: {ReportNumber.Mean(row.Duration.P05)}-{ReportNumber.Mean(row.Duration.P95)} months)");
        if (row.ClosedShortRate.Mean > 0)
            text.Append($"; enrolment closes short of the target with probability {ReportNumber.Rate(row.ClosedShortRate.Mean)} (Monte Carlo standard error {ReportNumber.Mcse(row.ClosedShortRate.Mcse)})");
        return text.Append('.').ToString();
    }
}

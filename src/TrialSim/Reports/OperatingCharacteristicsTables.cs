using System.Text;

namespace TrialSim.Reports;

/// <summary>The run's operating characteristics as HTML tables, each estimate with its Monte Carlo
/// standard error: per point and analysis (summary.parquet), per arm (arms.parquet) and per look (looks.parquet).</summary>
internal static class OperatingCharacteristicsTables
{
    private static string WithError(double mean, double mcse, Func<double, string> format) =>
        double.IsFinite(mean) ? $"{format(mean)} ({ReportNumber.Mcse(mcse)})" : "-";

    public static void WriteSummary(RunResults results, StringBuilder html)
    {
        var table = new HtmlTable($"Operating characteristics per truth and analysis ({ReportNumber.Count(results.Provenance.Replicates)} simulated trials each; Monte Carlo standard errors in brackets)",
            "truth", "analysis", "type", "rejection rate", "true value", "mean estimate", "bias", "coverage", "mean N analysed",
            "enrolled", "events", "duration, months (5-95%)", "closed short");
        foreach (var r in results.Summary.OrderBy(r => r.Key.Point).ThenBy(r => r.Key.TruthIndex))
            table.Row(r.Key.Describe(), r.Analysis, r.AnalysisType,
                WithError(r.RejectionRate.Mean, r.RejectionRate.Mcse, ReportNumber.Rate),
                ReportNumber.Value(r.TrueValue),
                WithError(r.MeanEstimate.Mean, r.MeanEstimate.Mcse, ReportNumber.Value),
                WithError(r.Bias.Mean, r.Bias.Mcse, ReportNumber.Value),
                WithError(r.Coverage.Mean, r.Coverage.Mcse, ReportNumber.Rate),
                WithError(r.AnalysisN.Mean, r.AnalysisN.Mcse, ReportNumber.Mean),
                WithError(r.Enrolled.Mean, r.Enrolled.Mcse, ReportNumber.Mean),
                WithError(r.Events.Mean, r.Events.Mcse, ReportNumber.Mean),
                $"{ReportNumber.Mean(r.Duration.Mean)} ({ReportNumber.Mean(r.Duration.P05)}-{ReportNumber.Mean(r.Duration.P95)})",
                WithError(r.ClosedShortRate.Mean, r.ClosedShortRate.Mcse, ReportNumber.Rate));
        table.WriteTo(html, "summary-table");
    }

    public static void WriteArms(RunResults results, StringBuilder html)
    {
        if (results.Arms.IsEmpty) return;
        var table = new HtmlTable("Per arm: means per simulated trial (Monte Carlo standard errors in brackets)",
            "truth", "arm", "enrolled", "analysed", "events", "deaths", "months off drug per patient", "rechallenged", "response rate", "second progressions");
        foreach (var r in results.Arms.OrderBy(r => r.Key.Point).ThenBy(r => r.Key.TruthIndex).ThenBy(r => r.Arm))
            table.Row(r.Key.Describe(), r.ArmName,
                WithError(r.Enrolled.Mean, r.Enrolled.Mcse, ReportNumber.Mean),
                WithError(r.Analysed.Mean, r.Analysed.Mcse, ReportNumber.Mean),
                WithError(r.Events.Mean, r.Events.Mcse, ReportNumber.Mean),
                WithError(r.Deaths.Mean, r.Deaths.Mcse, ReportNumber.Mean),
                WithError(r.MonthsOffDrugPerPatient.Mean, r.MonthsOffDrugPerPatient.Mcse, ReportNumber.Mean),
                WithError(r.Rechallenged.Mean, r.Rechallenged.Mcse, ReportNumber.Mean),
                WithError(r.ResponseRate.Mean, r.ResponseRate.Mcse, ReportNumber.Rate),
                WithError(r.SecondProgressions.Mean, r.SecondProgressions.Mcse, ReportNumber.Mean));
        table.WriteTo(html, "arms-table");
    }

    public static void WriteLooks(RunResults results, StringBuilder html)
    {
        if (results.Looks.IsEmpty) return;
        var table = new HtmlTable("Per look: stopping probabilities over all trials; time, information and bounds are means over the trials that reached the look",
            "truth", "look", "reached", "stop for efficacy", "stop for futility", "cumulative rejection", "time, months", "information",
            "mean statistic", "efficacy bound", "futility bound");
        foreach (var r in results.Looks.OrderBy(r => r.Key.Point).ThenBy(r => r.Key.TruthIndex).ThenBy(r => r.Look))
            table.Row(r.Key.Describe(), r.IsFinal ? "final" : (r.Look + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ReportNumber.Rate(r.ReachedRate),
                WithError(r.StopEfficacy.Mean, r.StopEfficacy.Mcse, ReportNumber.Rate),
                WithError(r.StopFutility.Mean, r.StopFutility.Mcse, ReportNumber.Rate),
                WithError(r.CumulativeRejection.Mean, r.CumulativeRejection.Mcse, ReportNumber.Rate),
                WithError(r.Time.Mean, r.Time.Mcse, ReportNumber.Mean),
                WithError(r.Information.Mean, r.Information.Mcse, ReportNumber.Mean),
                ReportNumber.Value(r.StatisticMean), ReportNumber.Value(r.EfficacyBoundMean), ReportNumber.Value(r.FutilityBoundMean));
        table.WriteTo(html, "looks-table");
    }
}

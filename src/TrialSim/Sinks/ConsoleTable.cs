using System.Globalization;
using System.Text;
using TrialSim.Running;

namespace TrialSim.Sinks;

/// <summary>The human-readable summary printed after a run: per point, trial conduct then one line per analysis.</summary>
public static class ConsoleTable
{
    public static void Write(SimulationResult result, TextWriter writer)
    {
        var culture = CultureInfo.InvariantCulture;
        var scenario = result.Scenario;
        writer.WriteLine(string.Create(culture, $"{scenario.Name}: {result.Replicates:N0} simulated trials per point, seed {result.Seed}"));
        foreach (var point in scenario.Points.Select((p, i) => (p, i)))
        {
            var rows = result.Rows.Where(r => r.PointIndex == point.i).ToList();
            if (rows.Count == 0) continue;
            var first = rows[0];
            writer.WriteLine();
            writer.WriteLine($"[{point.p.Name}] progression {point.p.Progression.Describe()}" + (point.p.Death is null ? "" : $"; death {point.p.Death.Describe()}"));
            writer.WriteLine(string.Create(culture,
                $"  enrolled {first.Enrolled.Mean:F1} (5-95%: {first.Enrolled.P05:F0}-{first.Enrolled.P95:F0}), analysed {first.Analysed.Mean:F1}, events {first.Events.Mean:F1} (5-95%: {first.Events.P05:F0}-{first.Events.P95:F0})"));
            writer.WriteLine(string.Create(culture,
                $"  duration {first.Duration.Mean:F1} months (5-95%: {first.Duration.P05:F1}-{first.Duration.P95:F1}), accrual {first.AccrualDuration.Mean:F1} months, closed short {Percent(first.ClosedShortRate)} (MCSE {Percent(first.ClosedShortRateMcse)}), median follow-up {first.MedianFollowUp:F1} months"));
            var table = new StringBuilder();
            table.AppendLine(string.Create(culture, $"  {"analysis",-22} {"reject",8} {"(MCSE)",8} {"true",8} {"mean est",9} {"bias",9} {"(MCSE)",8} {"coverage",9} {"mean N",7}"));
            foreach (var row in rows)
            {
                table.AppendLine(string.Create(culture,
                    $"  {Truncate(row.AnalysisName, 22),-22} {row.RejectionRate,8:F4} {Paren(row.RejectionRateMcse),8} {Number(row.TrueValue),8} {Number(row.MeanEstimate),9} {Signed(row.Bias),9} {Paren(row.BiasMcse),8} {Number(row.Coverage),9} {row.AnalysisN,7:F1}"));
            }
            writer.Write(table.ToString());
        }
    }

    private static string Percent(double value) => double.IsNaN(value) ? "-" : (100 * value).ToString("F1", CultureInfo.InvariantCulture) + "%";
    private static string Number(double value) => double.IsNaN(value) ? "-" : value.ToString("F4", CultureInfo.InvariantCulture);
    private static string Signed(double value) => double.IsNaN(value) ? "-" : value.ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture);
    private static string Paren(double value) => double.IsNaN(value) ? "" : "(" + value.ToString("F4", CultureInfo.InvariantCulture) + ")";
    private static string Truncate(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "~";
}

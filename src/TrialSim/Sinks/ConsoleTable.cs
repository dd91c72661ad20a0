using System.Globalization;
using System.Text;
using TrialSim.Running;

namespace TrialSim.Sinks;

/// <summary>The human-readable summary printed after a run: per point, trial conduct then one line per analysis.</summary>
public static class ConsoleTable
{
    private const int MaxSweepLines = 200;

    /// <summary>One point: the full table. A sweep: one line per point, truth and analysis.</summary>
    public static void Write(SweepResult result, TextWriter writer)
    {
        if (!result.Sweep.HasAxes)
        {
            Write(result.Points[0], writer);
            return;
        }
        var culture = CultureInfo.InvariantCulture;
        var sweep = result.Sweep;
        writer.WriteLine(string.Create(culture,
            $"{sweep.First.Name}: sweep of {sweep.Points.Length:N0} points over {string.Join(" x ", sweep.Axes.Where(a => !a.Zipped).Select(a => a.Name).Concat(sweep.Axes.Any(a => a.Zipped) ? [$"({string.Join(", ", sweep.Axes.Where(a => a.Zipped).Select(a => a.Name))})"] : []))}, {result.Replicates:N0} simulated trials per point and truth, seed {result.Seed}"));
        writer.WriteLine();
        int width = Math.Clamp(sweep.Points.Max(p => p.Label.Length), 10, 48);
        writer.WriteLine(string.Create(culture, $"  {"point".PadRight(width)} {"truth",-8} {"analysis",-22} {"reject",8} {"(MCSE)",8} {"enrolled",9} {"events",8} {"duration",9}"));
        int lines = 0, total = result.Points.Sum(p => p.Rows.Length);
        for (int p = 0; p < result.Points.Length && lines < MaxSweepLines; p++)
            foreach (var row in result.Points[p].Rows)
            {
                if (lines++ == MaxSweepLines) break;
                writer.WriteLine(string.Create(culture,
                    $"  {Truncate(sweep.Points[p].Label, width).PadRight(width)} {Truncate(row.Truth, 8),-8} {Truncate(row.AnalysisName, 22),-22} {row.RejectionRate,8:F4} {Paren(row.RejectionRateMcse),8} {row.Enrolled.Mean,9:F1} {row.Events.Mean,8:F1} {Number1(row.Duration.Mean),9}"));
            }
        if (total > MaxSweepLines) writer.WriteLine(string.Create(culture, $"  ... {total - MaxSweepLines:N0} more rows in summary.parquet"));
    }

    public static void Write(SimulationResult result, TextWriter writer)
    {
        var culture = CultureInfo.InvariantCulture;
        var scenario = result.Scenario;
        writer.WriteLine(string.Create(culture, $"{scenario.Name}: {result.Replicates:N0} simulated trials per point, seed {result.Seed}"));
        var armNames = scenario.Arms.Select(a => a.Name).ToArray();
        foreach (var point in scenario.Points.Select((p, i) => (p, i)))
        {
            var rows = result.Rows.Where(r => r.TruthIndex == point.i).ToList();
            if (rows.Count == 0) continue;
            var first = rows[0];
            writer.WriteLine();
            writer.WriteLine($"[{point.p.Name}]");
            for (int a = 0; a < scenario.Arms.Length; a++)
                writer.WriteLine($"  {(scenario.Arms.Length > 1 ? scenario.Arms[a].Name + ": " : "")}{point.p.Arms[a].Describe(armNames)}");
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
            if (!result.LookRows.IsEmpty) WriteLooks(result.LookRows.Where(r => r.TruthIndex == point.i), writer);
            if (scenario.Arms.Length > 1 || point.p.Arms.Any(a => a.Death is not null || a.Rechallenge is not null || a.Switch is not null))
                WriteArms(result.ArmRows.Where(r => r.TruthIndex == point.i), writer);
        }
    }

    private static void WriteArms(IEnumerable<Aggregation.ArmCharacteristics> arms, TextWriter writer)
    {
        var culture = CultureInfo.InvariantCulture;
        writer.WriteLine(string.Create(culture, $"  {"arm",-22} {"analysed",8} {"events",8} {"deaths",8} {"off drug",9} {"rechall.",9} {"respond",8} {"PFS2 ev.",9}"));
        foreach (var arm in arms)
            writer.WriteLine(string.Create(culture,
                $"  {Truncate(arm.ArmName, 22),-22} {arm.Analysed.Mean,8:F1} {arm.Events.Mean,8:F1} {arm.Deaths.Mean,8:F2} {Number1(arm.MonthsOffDrugPerPatient.Mean),9} {arm.Rechallenged.Mean,9:F2} {Percent(arm.ResponseRate),8} {arm.SecondProgressions.Mean,9:F2}"));
        writer.WriteLine("  (off drug: mean months off the drug per analysed patient; respond: share of rechallenged who responded)");
    }

    private static void WriteLooks(IEnumerable<Aggregation.LookCharacteristics> looks, TextWriter writer)
    {
        var culture = CultureInfo.InvariantCulture;
        writer.WriteLine(string.Create(culture, $"  {"look",-6} {"reached",8} {"stop eff.",10} {"stop fut.",10} {"cum. rej.",10} {"time",7} {"info",7} {"eff. bound",11} {"fut. bound",11}"));
        foreach (var look in looks)
            writer.WriteLine(string.Create(culture,
                $"  {(look.IsFinal ? "final" : (look.Look + 1).ToString(culture)),-6} {look.ReachedRate,8:F4} {look.StopEfficacyRate,10:F4} {look.StopFutilityRate,10:F4} {look.CumulativeRejection,10:F4} {Number1(look.Time.Mean),7} {Number1(look.Information.Mean),7} {Number(look.EfficacyBound.Mean),11} {Number(look.FutilityBound.Mean),11}"));
    }

    private static string Number1(double value) => double.IsNaN(value) ? "-" : value.ToString("F1", CultureInfo.InvariantCulture);

    private static string Percent(double value) => double.IsNaN(value) ? "-" : (100 * value).ToString("F1", CultureInfo.InvariantCulture) + "%";
    private static string Number(double value) => double.IsNaN(value) ? "-" : value.ToString("F4", CultureInfo.InvariantCulture);
    // Round first: a tiny negative would otherwise print as "-+0.0000".
    private static string Signed(double value) => double.IsNaN(value) ? "-" : (Math.Round(value, 4) + 0.0).ToString("+0.0000;-0.0000;+0.0000", CultureInfo.InvariantCulture);
    private static string Paren(double value) => double.IsNaN(value) ? "" : "(" + value.ToString("F4", CultureInfo.InvariantCulture) + ")";
    private static string Truncate(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "~";
}

using TrialSim.Aggregation;
using TrialSim.Running;

namespace TrialSim.Sinks;

/// <summary>
/// Writes summary.parquet: one row per sweep point, truth and analysis, with every operating
/// characteristic; and the same rows as a hive-partitioned dataset, <c>points/point=K/part-0.parquet</c>.
/// </summary>
public static class SummaryParquetSink
{
    public const string PartitionsFolder = "points";

    public static void Write(SweepResult result, string path, IReadOnlyDictionary<string, string> metadata) =>
        WriteRows(result, 0, result.Points.Length, path, metadata, includePoint: true);

    /// <summary>Writes one file per point under <paramref name="directory"/>/points and removes
    /// partitions of points the sweep no longer has.</summary>
    public static void WritePartitions(SweepResult result, string directory, IReadOnlyDictionary<string, string> metadata)
    {
        string root = Path.Combine(directory, PartitionsFolder);
        for (int p = 0; p < result.Points.Length; p++)
            WriteRows(result, p, 1, Path.Combine(root, $"point={p}", "part-0.parquet"), metadata, includePoint: false);
        if (!Directory.Exists(root)) return;
        foreach (string folder in Directory.EnumerateDirectories(root, "point=*"))
            if (!int.TryParse(Path.GetFileName(folder)["point=".Length..], out int index) || index >= result.Points.Length)
                Directory.Delete(folder, recursive: true);
    }

    private static void WriteRows(SweepResult result, int firstPoint, int pointCount, string path, IReadOnlyDictionary<string, string> metadata, bool includePoint) =>
        Rows(result, firstPoint, pointCount, includePoint).WriteFile(path, metadata);

    /// <summary>The columns of summary.parquet filled with the given points' rows (none: just the schema).</summary>
    internal static ParquetColumns Rows(SweepResult result, int firstPoint, int pointCount, bool includePoint = true)
    {
        var columns = new ParquetColumns();
        var pointColumns = new PointColumns(columns, result.Sweep, includePoint);
        var truthIndex = columns.Add<int>("truth_index");
        var truthName = columns.AddString("truth");
        var analysis = columns.AddString("analysis");
        var analysisType = columns.AddString("analysis_type");
        var replicates = columns.Add<long>("replicates");
        var appendDoubles = columns.AddDoubles(DoubleColumns);

        for (int p = firstPoint; p < firstPoint + pointCount; p++)
        foreach (var row in result.Points[p].Rows)
        {
            pointColumns.Append(result.Sweep.Points[p]);
            truthIndex.Append(row.TruthIndex);
            truthName.Append(row.Truth);
            analysis.Append(row.AnalysisName);
            analysisType.Append(row.AnalysisType);
            replicates.Append(row.Replicates);
            appendDoubles(row);
        }
        return columns;
    }

    /// <summary>The numeric columns of summary.parquet, in order; README documents each.</summary>
    public static readonly IReadOnlyList<(string Name, Func<OperatingCharacteristics, double> Value)> DoubleColumns = BuildDoubleColumns();

    private static List<(string, Func<OperatingCharacteristics, double>)> BuildDoubleColumns()
    {
        var list = new List<(string, Func<OperatingCharacteristics, double>)>
        {
            ("rejection_rate", r => r.RejectionRate), ("rejection_rate_mcse", r => r.RejectionRateMcse),
            ("true_value", r => r.TrueValue),
            ("mean_estimate", r => r.MeanEstimate), ("mean_estimate_mcse", r => r.MeanEstimateMcse),
            ("bias", r => r.Bias), ("bias_mcse", r => r.BiasMcse),
            ("coverage", r => r.Coverage), ("coverage_mcse", r => r.CoverageMcse),
            ("undefined_rate", r => r.UndefinedRate),
            ("analysis_n_mean", r => r.AnalysisN), ("analysis_n_mcse", r => r.AnalysisNMcse),
        };
        AddDistribution(list, "enrolled", r => r.Enrolled);
        AddDistribution(list, "analysed", r => r.Analysed);
        AddDistribution(list, "events", r => r.Events);
        AddDistribution(list, "duration", r => r.Duration);
        AddDistribution(list, "accrual_duration", r => r.AccrualDuration);
        list.Add(("closed_short_rate", r => r.ClosedShortRate));
        list.Add(("closed_short_rate_mcse", r => r.ClosedShortRateMcse));
        list.Add(("median_follow_up_mean", r => r.MedianFollowUp));
        list.Add(("median_follow_up_mcse", r => r.MedianFollowUpMcse));
        return list;
    }

    private static void AddDistribution(List<(string, Func<OperatingCharacteristics, double>)> list, string name, Func<OperatingCharacteristics, DistributionSummary> of)
    {
        list.Add(($"{name}_mean", r => of(r).Mean));
        list.Add(($"{name}_mcse", r => of(r).MeanMcse));
        list.Add(($"{name}_p05", r => of(r).P05));
        list.Add(($"{name}_p25", r => of(r).P25));
        list.Add(($"{name}_p50", r => of(r).P50));
        list.Add(($"{name}_p75", r => of(r).P75));
        list.Add(($"{name}_p95", r => of(r).P95));
    }
}

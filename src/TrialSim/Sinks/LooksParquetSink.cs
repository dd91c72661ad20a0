using TrialSim.Aggregation;
using TrialSim.Running;

namespace TrialSim.Sinks;

/// <summary>Writes looks.parquet for designs with interim looks: one row per scenario point and look.</summary>
public static class LooksParquetSink
{
    public static void Write(SweepResult result, string path, IReadOnlyDictionary<string, string> metadata) =>
        Rows(result).WriteFile(path, metadata);

    /// <summary>The columns filled with the result's rows (none: just the schema).</summary>
    internal static ParquetColumns Rows(SweepResult result)
    {
        var columns = new ParquetColumns();
        var pointColumns = new PointColumns(columns, result.Sweep);
        var truthIndex = columns.Add<int>("truth_index");
        var truthName = columns.AddString("truth");
        var look = columns.Add<int>("look");
        var isFinal = columns.Add<bool>("is_final");
        var replicates = columns.Add<long>("replicates");
        var appendDoubles = columns.AddDoubles(DoubleColumns);
        for (int p = 0; p < result.Points.Length; p++)
        foreach (var row in result.Points[p].LookRows)
        {
            pointColumns.Append(result.Sweep.Points[p]);
            truthIndex.Append(row.TruthIndex);
            truthName.Append(row.Truth);
            look.Append(row.Look);
            isFinal.Append(row.IsFinal);
            replicates.Append(row.Replicates);
            appendDoubles(row);
        }
        return columns;
    }

    /// <summary>The numeric columns of looks.parquet, in order; README documents each.</summary>
    public static readonly IReadOnlyList<(string Name, Func<LookCharacteristics, double> Value)> DoubleColumns =
    [
        ("reached_rate", r => r.ReachedRate),
        ("stop_efficacy_rate", r => r.StopEfficacyRate), ("stop_efficacy_mcse", r => r.StopEfficacyMcse),
        ("stop_futility_rate", r => r.StopFutilityRate), ("stop_futility_mcse", r => r.StopFutilityMcse),
        ("cumulative_rejection", r => r.CumulativeRejection), ("cumulative_rejection_mcse", r => r.CumulativeRejectionMcse),
        ("time_mean", r => r.Time.Mean), ("time_mcse", r => r.Time.Mcse),
        ("information_mean", r => r.Information.Mean), ("information_mcse", r => r.Information.Mcse),
        ("statistic_mean", r => r.Statistic.Mean),
        ("efficacy_bound_mean", r => r.EfficacyBound.Mean),
        ("futility_bound_mean", r => r.FutilityBound.Mean),
    ];
}

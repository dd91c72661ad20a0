using TrialSim.Aggregation;
using TrialSim.Running;

namespace TrialSim.Sinks;

/// <summary>Writes arms.parquet: one row per scenario point and arm (events, deaths, time off drug, rechallenge, PFS2).</summary>
public static class ArmsParquetSink
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
        var arm = columns.Add<int>("arm");
        var armName = columns.AddString("arm_name");
        var replicates = columns.Add<long>("replicates");
        var appendDoubles = columns.AddDoubles(DoubleColumns);
        for (int p = 0; p < result.Points.Length; p++)
        foreach (var row in result.Points[p].ArmRows)
        {
            pointColumns.Append(result.Sweep.Points[p]);
            truthIndex.Append(row.TruthIndex);
            truthName.Append(row.Truth);
            arm.Append(row.ArmIndex);
            armName.Append(row.ArmName);
            replicates.Append(row.Replicates);
            appendDoubles(row);
        }
        return columns;
    }

    /// <summary>The numeric columns of arms.parquet, in order; README documents each.</summary>
    public static readonly IReadOnlyList<(string Name, Func<ArmCharacteristics, double> Value)> DoubleColumns = BuildDoubleColumns();

    private static List<(string, Func<ArmCharacteristics, double>)> BuildDoubleColumns()
    {
        var list = new List<(string, Func<ArmCharacteristics, double>)>();
        void Add(string name, Func<ArmCharacteristics, MeanWithError> of)
        {
            list.Add(($"{name}_mean", r => of(r).Mean));
            list.Add(($"{name}_mcse", r => of(r).Mcse));
        }
        Add("enrolled", r => r.Enrolled);
        Add("analysed", r => r.Analysed);
        Add("events", r => r.Events);
        Add("deaths", r => r.Deaths);
        Add("months_off_drug_per_patient", r => r.MonthsOffDrugPerPatient);
        Add("rechallenged", r => r.Rechallenged);
        Add("responded", r => r.Responded);
        list.Add(("response_rate", r => r.ResponseRate));
        list.Add(("response_rate_mcse", r => r.ResponseRateMcse));
        Add("second_progressions", r => r.SecondProgressions);
        return list;
    }
}

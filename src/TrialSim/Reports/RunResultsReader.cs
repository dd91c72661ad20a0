using System.Collections.Immutable;
using TrialSim.Aggregation;

namespace TrialSim.Reports;

/// <summary>
/// Reads a run back from Parquet: a run directory (summary.parquet, and arms.parquet and
/// looks.parquet when present) or a summary.parquet file (its siblings are used when they come
/// from the same run). Column names are the file format's (README, "Output").
/// </summary>
public static class RunResultsReader
{
    public const string SummaryFile = "summary.parquet";
    public const string ArmsFile = "arms.parquet";
    public const string LooksFile = "looks.parquet";
    public const string Expected = "a directory written by 'trialsim run' (holding summary.parquet) or a summary.parquet file";

    /// <exception cref="ReportException">The path is missing, or its summary is not a trialsim summary.</exception>
    public static RunResults Read(string path)
    {
        string summaryPath;
        if (Directory.Exists(path))
        {
            summaryPath = Path.Combine(path, SummaryFile);
            if (!File.Exists(summaryPath)) throw new ReportException(path, $"no {SummaryFile} in this directory", Expected);
        }
        else if (File.Exists(path)) summaryPath = path;
        else throw new ReportException(path, "no such file or directory", Expected);

        var table = ParquetTable.Read(summaryPath);
        var provenance = RunProvenance.From(table.Metadata, summaryPath);
        var summary = ReadSummary(table, provenance);
        var notes = ImmutableArray.CreateBuilder<string>();
        string directory = Path.GetDirectoryName(Path.GetFullPath(summaryPath))!;
        var arms = ReadSibling(Path.Combine(directory, ArmsFile), summaryPath, provenance, ReadArms, notes);
        var looks = ReadSibling(Path.Combine(directory, LooksFile), summaryPath, provenance, ReadLooks, notes);
        return new RunResults(summaryPath, provenance, summary, arms, looks, notes.ToImmutable());
    }

    /// <summary>A sibling file's rows, or none (with a note) when it is absent, unreadable or from another run.</summary>
    private static ImmutableArray<T> ReadSibling<T>(string path, string summaryPath, RunProvenance provenance,
        Func<ParquetTable, RunProvenance, ImmutableArray<T>> read, ImmutableArray<string>.Builder notes)
    {
        if (!File.Exists(path) || Path.GetFullPath(path) == Path.GetFullPath(summaryPath)) return [];
        try
        {
            var table = ParquetTable.Read(path);
            var other = RunProvenance.From(table.Metadata, path);
            if (!other.SameRunAs(provenance))
            {
                notes.Add($"{Path.GetFileName(path)} was not used: it comes from another run (scenario {other.ScenarioSha256[..Math.Min(12, other.ScenarioSha256.Length)]}, seed {other.Seed}, {other.Replicates} replicates) than {Path.GetFileName(summaryPath)}.");
                return [];
            }
            return read(table, other);
        }
        catch (ReportException exception)
        {
            notes.Add($"{Path.GetFileName(path)} was not used: {exception.Message}.");
            return [];
        }
    }

    private static ImmutableArray<SummaryRow> ReadSummary(ParquetTable t, RunProvenance provenance)
    {
        var keys = ReadKeys(t, provenance);
        var analysis = t.Strings("analysis");
        var type = t.Strings("analysis_type");
        var replicates = t.Integers("replicates");
        var rejection = Pairs(t, "rejection_rate", "rejection_rate_mcse");
        var trueValue = t.Doubles("true_value");
        var estimate = Pairs(t, "mean_estimate", "mean_estimate_mcse");
        var bias = Pairs(t, "bias", "bias_mcse");
        var coverage = Pairs(t, "coverage", "coverage_mcse");
        var undefined = t.Doubles("undefined_rate");
        var n = Pairs(t, "analysis_n_mean", "analysis_n_mcse");
        var enrolled = Quantiles(t, "enrolled");
        var analysed = Quantiles(t, "analysed");
        var events = Quantiles(t, "events");
        var duration = Quantiles(t, "duration");
        var accrual = Quantiles(t, "accrual_duration");
        var closedShort = Pairs(t, "closed_short_rate", "closed_short_rate_mcse");
        var followUp = Pairs(t, "median_follow_up_mean", "median_follow_up_mcse");
        var rows = ImmutableArray.CreateBuilder<SummaryRow>(t.RowCount);
        for (int i = 0; i < t.RowCount; i++)
            rows.Add(new SummaryRow(keys[i], analysis[i], type[i], replicates[i], rejection[i], trueValue[i], estimate[i], bias[i], coverage[i],
                undefined[i], n[i], enrolled[i], analysed[i], events[i], duration[i], accrual[i], closedShort[i], followUp[i]));
        if (rows.Count == 0) throw new ReportException(t.Path, "no rows", "one row per point and analysis");
        return rows.MoveToImmutable();
    }

    private static ImmutableArray<ArmRow> ReadArms(ParquetTable t, RunProvenance provenance)
    {
        var keys = ReadKeys(t, provenance);
        var arm = t.Integers("arm");
        var name = t.Strings("arm_name");
        var replicates = t.Integers("replicates");
        var enrolled = Pairs(t, "enrolled_mean", "enrolled_mcse");
        var analysed = Pairs(t, "analysed_mean", "analysed_mcse");
        var events = Pairs(t, "events_mean", "events_mcse");
        var deaths = Pairs(t, "deaths_mean", "deaths_mcse");
        var offDrug = Pairs(t, "months_off_drug_per_patient_mean", "months_off_drug_per_patient_mcse");
        var rechallenged = Pairs(t, "rechallenged_mean", "rechallenged_mcse");
        var responded = Pairs(t, "responded_mean", "responded_mcse");
        var responseRate = Pairs(t, "response_rate", "response_rate_mcse");
        var second = Pairs(t, "second_progressions_mean", "second_progressions_mcse");
        return [.. Enumerable.Range(0, t.RowCount).Select(i => new ArmRow(keys[i], (int)arm[i], name[i], replicates[i], enrolled[i], analysed[i],
            events[i], deaths[i], offDrug[i], rechallenged[i], responded[i], responseRate[i], second[i]))];
    }

    private static ImmutableArray<LookRow> ReadLooks(ParquetTable t, RunProvenance provenance)
    {
        var keys = ReadKeys(t, provenance);
        var look = t.Integers("look");
        var isFinal = t.Booleans("is_final");
        var replicates = t.Integers("replicates");
        var reached = t.Doubles("reached_rate");
        var efficacy = Pairs(t, "stop_efficacy_rate", "stop_efficacy_mcse");
        var futility = Pairs(t, "stop_futility_rate", "stop_futility_mcse");
        var cumulative = Pairs(t, "cumulative_rejection", "cumulative_rejection_mcse");
        var time = Pairs(t, "time_mean", "time_mcse");
        var information = Pairs(t, "information_mean", "information_mcse");
        var statistic = t.Doubles("statistic_mean");
        var efficacyBound = t.Doubles("efficacy_bound_mean");
        var futilityBound = t.Doubles("futility_bound_mean");
        return [.. Enumerable.Range(0, t.RowCount).Select(i => new LookRow(keys[i], (int)look[i], isFinal[i], replicates[i], reached[i],
            efficacy[i], futility[i], cumulative[i], time[i], information[i], statistic[i], efficacyBound[i], futilityBound[i]))];
    }

    private static MeanWithError[] Pairs(ParquetTable t, string mean, string mcse)
    {
        var m = t.Doubles(mean);
        var s = t.Doubles(mcse);
        return m.Select((v, i) => new MeanWithError(v, s[i])).ToArray();
    }

    private static QuantileSummary[] Quantiles(ParquetTable t, string name)
    {
        var mean = t.Doubles($"{name}_mean");
        var mcse = t.Doubles($"{name}_mcse");
        var p05 = t.Doubles($"{name}_p05");
        var p25 = t.Doubles($"{name}_p25");
        var p50 = t.Doubles($"{name}_p50");
        var p75 = t.Doubles($"{name}_p75");
        var p95 = t.Doubles($"{name}_p95");
        return Enumerable.Range(0, t.RowCount).Select(i => new QuantileSummary(mean[i], mcse[i], p05[i], p25[i], p50[i], p75[i], p95[i])).ToArray();
    }

    /// <summary>
    /// The point columns: <c>point</c>, <c>point_label</c> and one column per sweep axis (named by
    /// <c>trialsim.sweep_axes</c>) before <c>truth_index</c> and <c>truth</c>. Files from runs
    /// without sweeps may lack the first two: that is point 0 with an empty label.
    /// </summary>
    private static PointKey[] ReadKeys(ParquetTable t, RunProvenance provenance)
    {
        if (provenance.IsSweep && !t.Has("point"))
            throw new ReportException(t.Path, $"sweep axes ({string.Join(", ", provenance.SweepAxes)}) but no 'point' column",
                "a 'point' column (int32, the sweep point index) in a sweep's results");
        var point = t.IntegersOr("point", 0);
        var label = t.StringsOr("point_label", "");
        var axes = provenance.SweepAxes.Select(axis => t.Has(axis)
                ? (Axis: axis, Numbers: t.IsNumeric(axis) ? t.Doubles(axis) : null, Labels: t.IsNumeric(axis) ? null : t.Strings(axis))
                : throw new ReportException(t.Path, $"sweep axis '{axis}' (named in {RunProvenance.SweepAxesKey}) has no column",
                    "one column per sweep axis, named after the axis"))
            .ToArray();
        var truthIndex = t.Integers("truth_index");
        var truth = t.Strings("truth");
        var keys = new PointKey[t.RowCount];
        for (int i = 0; i < keys.Length; i++)
        {
            var coordinates = axes.Select(a => a.Numbers is not null ? SweepCoordinate.OfNumber(a.Axis, a.Numbers[i]) : SweepCoordinate.OfLabel(a.Axis, a.Labels![i]));
            keys[i] = new PointKey((int)point[i], label[i], [.. coordinates], (int)truthIndex[i], truth[i]);
        }
        return keys;
    }
}

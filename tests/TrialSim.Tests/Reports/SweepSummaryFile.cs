using Parquet;
using Parquet.Schema;
using TrialSim.Sinks;

namespace TrialSim.Tests.Reports;

/// <summary>
/// A hand-made summary.parquet in the sweep contract's layout: <c>point</c>, <c>point_label</c>,
/// one column per sweep axis (here n, numeric, and shape, labels), then <c>truth_index</c>,
/// <c>truth</c> and the rest as trialsim writes them; <c>trialsim.sweep_axes</c> = "n,shape".
/// Power rises with n and is lower for the Weibull shape; H0 rejects at 0.05.
/// </summary>
internal static class SweepSummaryFile
{
    public static readonly double[] SampleSizes = [20, 30, 40];
    public static readonly string[] Shapes = ["exponential", "weibull"];

    public static async Task WriteAsync(string path, bool withPointColumn = true)
    {
        var fields = new List<DataField>();
        if (withPointColumn) fields.AddRange([new DataField<int>("point"), new DataField<string>("point_label", false)]);
        fields.AddRange([new DataField<double>("n"), new DataField<string>("shape", false), new DataField<int>("truth_index"),
            new DataField<string>("truth", false), new DataField<string>("analysis", false), new DataField<string>("analysis_type", false),
            new DataField<long>("replicates")]);
        fields.AddRange(SummaryParquetSink.DoubleColumns.Select(c => new DataField<double>(c.Name)));

        var point = new List<int>(); var label = new List<string>(); var n = new List<double>(); var shape = new List<string>();
        var truthIndex = new List<int>(); var truth = new List<string>();
        var doubles = SummaryParquetSink.DoubleColumns.ToDictionary(c => c.Name, _ => new List<double>());
        int p = 0;
        foreach (double size in SampleSizes)
            foreach (string s in Shapes)
            {
                for (int t = 0; t < 2; t++)
                {
                    point.Add(p); label.Add($"n={size}, shape={s}"); n.Add(size); shape.Add(s); truthIndex.Add(t); truth.Add(t == 0 ? "H0" : "H1");
                    double rate = t == 0 ? 0.05 : Math.Min(0.95, 0.3 + size / 60 - (s == "weibull" ? 0.1 : 0));
                    foreach (var (name, values) in doubles) values.Add(name switch
                    {
                        "rejection_rate" => rate,
                        "rejection_rate_mcse" => Math.Sqrt(rate * (1 - rate) / 1000),
                        "true_value" => t == 0 ? 0.15 : 0.35,
                        "closed_short_rate" or "closed_short_rate_mcse" => 0,
                        _ => size,
                    });
                }
                p++;
            }
        int rows = truth.Count;
        var metadata = new Dictionary<string, string>
        {
            ["trialsim.version"] = RunMetadata.ToolVersion,
            ["trialsim.scenario_name"] = "hand-made sweep",
            ["trialsim.scenario_sha256"] = new string('0', 64),
            ["trialsim.seed"] = "7",
            ["trialsim.replicates"] = "1000",
            ["trialsim.points"] = "H0,H1",
            ["trialsim.sweep_axes"] = "n,shape",
        };
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields.Cast<Field>().ToArray()), stream);
        writer.CustomMetadata = metadata;
        using var group = writer.CreateRowGroup();
        foreach (var field in fields)
        {
            switch (field.Name)
            {
                case "point": await group.WriteAsync<int>(field, point.ToArray()); break;
                case "point_label": await group.WriteAsync(field, label.ToArray()); break;
                case "n": await group.WriteAsync<double>(field, n.ToArray()); break;
                case "shape": await group.WriteAsync(field, shape.ToArray()); break;
                case "truth_index": await group.WriteAsync<int>(field, truthIndex.ToArray()); break;
                case "truth": await group.WriteAsync(field, truth.ToArray()); break;
                case "analysis": await group.WriteAsync(field, Enumerable.Repeat("km-landmark-36", rows).ToArray()); break;
                case "analysis_type": await group.WriteAsync(field, Enumerable.Repeat("km_landmark", rows).ToArray()); break;
                case "replicates": await group.WriteAsync<long>(field, Enumerable.Repeat(1000L, rows).ToArray()); break;
                default: await group.WriteAsync<double>(field, doubles[field.Name].ToArray()); break;
            }
        }
    }
}

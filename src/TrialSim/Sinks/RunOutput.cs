using TrialSim.Running;

namespace TrialSim.Sinks;

/// <summary>
/// The files a finished run leaves in its output directory, written the same way by
/// <c>run</c> and <c>merge</c> (so the two are byte-identical): summary.parquet, the
/// points/point=K/ dataset, arms.parquet and, for designs with looks, looks.parquet.
/// </summary>
public static class RunOutput
{
    public const string ScenarioFile = "scenario.yaml";
    private const string SummaryFile = "summary.parquet", ArmsFile = "arms.parquet", LooksFile = "looks.parquet", TrialsFile = "trials.parquet";

    /// <summary>Writes the result files; returns their paths.</summary>
    public static IReadOnlyList<string> Write(SweepResult result, string directory, IReadOnlyDictionary<string, string> metadata)
    {
        var written = new List<string>();
        string summary = Path.Combine(directory, SummaryFile);
        SummaryParquetSink.Write(result, summary, metadata);
        written.Add(summary);
        SummaryParquetSink.WritePartitions(result, directory, metadata);
        written.Add(Path.Combine(directory, SummaryParquetSink.PartitionsFolder, "point=*"));
        string arms = Path.Combine(directory, ArmsFile);
        ArmsParquetSink.Write(result, arms, metadata);
        written.Add(arms);
        string looks = Path.Combine(directory, LooksFile);
        if (result.Points.Any(p => !p.LookRows.IsEmpty))
        {
            LooksParquetSink.Write(result, looks, metadata);
            written.Add(looks);
        }
        else AtomicFile.TryDelete(looks);
        return written;
    }

    /// <summary>
    /// Removes the result files of an earlier run from <paramref name="directory"/> before a run
    /// starts, so one that stops early (or a shard, which writes none) never leaves another run's
    /// results beside its own scenario.yaml and checkpoints.
    /// </summary>
    public static void Clear(string directory)
    {
        foreach (string name in (ReadOnlySpan<string>)[SummaryFile, ArmsFile, LooksFile, TrialsFile])
            AtomicFile.TryDelete(Path.Combine(directory, name));
        string partitions = Path.Combine(directory, SummaryParquetSink.PartitionsFolder);
        if (Directory.Exists(partitions)) Directory.Delete(partitions, recursive: true);
    }

    /// <summary>
    /// Null when every output column of the sweep has a name of its own; otherwise why not (a sweep
    /// axis named after an output column, e.g. <c>rejection_rate</c>). Checked before any work runs.
    /// </summary>
    public static string? AxisNameClash(Sweeps.Sweep sweep)
    {
        var empty = new SweepResult(sweep, 0, 1, [], TimeSpan.Zero);
        try
        {
            SummaryParquetSink.Rows(empty, 0, 0);
            ArmsParquetSink.Rows(empty);
            LooksParquetSink.Rows(empty);
            return null;
        }
        catch (ArgumentException exception)
        {
            return $"a sweep axis has the name of an output column ({ArgumentMessage.Plain(exception)}): rename the axis";
        }
    }

    /// <summary>Keeps the scenario text beside the results: merge, resume and report read it back.</summary>
    public static void WriteScenario(string directory, string text) =>
        AtomicFile.Write(Path.Combine(directory, ScenarioFile), stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(text)));
}

using Parquet;
using TrialSim.Running;
using TrialSim.Sweeps;

namespace TrialSim.Sinks;

/// <summary>
/// Streams trials.parquet: one row per simulated trial and analysis, written a row group at a
/// time (memory stays flat however many replicates). The file is built under a temporary name
/// and renamed into place only by <see cref="Complete"/>; disposing without completing deletes it.
/// </summary>
public sealed class TrialsParquetSink : ITrialSink, IDisposable
{
    private const int RowGroupRows = 1 << 16;
    private readonly string _path, _temporary;
    private readonly FileStream _stream;
    private readonly ParquetWriter _writer;
    private readonly ParquetColumns _columns = new();
    private readonly ParquetColumns.Column<int> _point, _truthIndex, _enrolled, _analysed, _events, _analysisN, _analysisEvents;
    private readonly ParquetColumns.Column<long> _replicate;
    private readonly ParquetColumns.StringColumn _analysis;
    private readonly ParquetColumns.Column<double> _duration, _accrualDuration, _medianFollowUp, _estimate, _lower, _upper, _pValue;
    private readonly ParquetColumns.Column<bool> _closedShort, _reject;
    private readonly string[][] _analysisNames;
    private bool _completed;

    public TrialsParquetSink(string path, Sweep sweep, IReadOnlyDictionary<string, string> metadata)
    {
        _path = path;
        _analysisNames = sweep.Points.Select(p => p.Scenario.Analyses.Select(a => a.Name).ToArray()).ToArray();
        _point = _columns.Add<int>("point");
        _truthIndex = _columns.Add<int>("truth_index");
        _replicate = _columns.Add<long>("replicate");
        _analysis = _columns.AddString("analysis");
        _enrolled = _columns.Add<int>("enrolled");
        _analysed = _columns.Add<int>("analysed");
        _events = _columns.Add<int>("events");
        _duration = _columns.Add<double>("duration");
        _accrualDuration = _columns.Add<double>("accrual_duration");
        _closedShort = _columns.Add<bool>("closed_short");
        _medianFollowUp = _columns.Add<double>("median_follow_up");
        _analysisN = _columns.Add<int>("analysis_n");
        _analysisEvents = _columns.Add<int>("analysis_events");
        _estimate = _columns.Add<double>("estimate");
        _lower = _columns.Add<double>("lower");
        _upper = _columns.Add<double>("upper");
        _pValue = _columns.Add<double>("p_value");
        _reject = _columns.Add<bool>("reject");
        _temporary = AtomicFile.TemporaryFor(path);
        _stream = new FileStream(_temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        _writer = ParquetWriter.CreateAsync(_columns.Schema(), _stream).GetAwaiter().GetResult();
        _writer.CustomMetadata = new Dictionary<string, string>(metadata);
    }

    public void Write(TrialBlock block)
    {
        for (int t = 0; t < block.Count; t++)
        {
            var outcome = block.Outcomes[t];
            for (int a = 0; a < block.AnalysisCount; a++)
            {
                var result = block.Results[t * block.AnalysisCount + a];
                _point.Append(block.Point);
                _truthIndex.Append(block.TruthIndex);
                _replicate.Append(block.FirstReplicate + t);
                _analysis.Append(_analysisNames[block.Point][a]);
                _enrolled.Append(outcome.Enrolled);
                _analysed.Append(outcome.Analysed);
                _events.Append(outcome.Events);
                _duration.Append(outcome.Duration);
                _accrualDuration.Append(outcome.AccrualDuration);
                _closedShort.Append(outcome.ClosedShort);
                _medianFollowUp.Append(outcome.MedianFollowUp);
                _analysisN.Append(result.Analysed);
                _analysisEvents.Append(result.Events);
                _estimate.Append(result.Estimate);
                _lower.Append(result.Lower);
                _upper.Append(result.Upper);
                _pValue.Append(result.PValue);
                _reject.Append(result.Reject);
            }
        }
        if (_columns.RowCount >= RowGroupRows) _columns.WriteRowGroup(_writer);
    }

    /// <summary>Flushes the last row group and renames the file into place.</summary>
    public void Complete()
    {
        if (_columns.RowCount > 0) _columns.WriteRowGroup(_writer);
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        AtomicFile.Commit(_temporary, _path);
        _completed = true;
    }

    public void Dispose()
    {
        if (_completed) return;
        try { _writer.DisposeAsync().AsTask().GetAwaiter().GetResult(); } catch (Exception) { }
        _stream.Dispose();
        AtomicFile.TryDelete(_temporary);
    }
}

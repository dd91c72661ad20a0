namespace TrialSim.Reports;

/// <summary>
/// Input a report cannot be made from: a missing path, a file that is not a trialsim Parquet file,
/// a column of the wrong type. The message names the file, what was found and the form expected.
/// </summary>
public sealed class ReportException : Exception
{
    public string Path { get; }

    public ReportException(string path, string problem, string expected, Exception? inner = null)
        : base($"{path}: {problem}; expected {expected}", inner)
    {
        Path = path;
    }
}

namespace TrialSim.Scenarios;

/// <summary>
/// A scenario file that cannot be turned into a <see cref="Scenario"/>: names the file, the
/// position of the offending YAML node, the field and the form that was expected, so the author
/// can fix it without reading the loader. The message reads
/// <c>FILE:LINE:COLUMN: field 'PATH': PROBLEM; expected EXPECTED</c> (the field part is left out
/// when the problem concerns the whole file, such as a missing file or malformed YAML).
/// </summary>
public sealed class ScenarioException : Exception
{
    /// <summary>The scenario file's name as given to the loader.</summary>
    public string File { get; }

    /// <summary>1-based line of the offending node; 0 when the file itself could not be read.</summary>
    public int Line { get; }

    /// <summary>1-based column of the offending node; 0 when the file itself could not be read.</summary>
    public int Column { get; }

    /// <summary>Dotted path of the field, e.g. <c>truths.H1.progression.exponential.rate</c> or
    /// <c>analyses[0].landmark</c>; empty for problems with the whole file.</summary>
    public string Field { get; }

    /// <summary>What is wrong, e.g. "unknown key 'rat'".</summary>
    public string Problem { get; }

    /// <summary>The form that would have been accepted, e.g. "a hazard rate per month &gt; 0".</summary>
    public string Expected { get; }

    /// <summary>Creates the exception; the message is built from the parts.</summary>
    public ScenarioException(string file, int line, int column, string field, string problem, string expected, Exception? innerException = null)
        : base(Format(file, line, column, field, problem, expected), innerException)
    {
        File = file;
        Line = line;
        Column = column;
        Field = field;
        Problem = problem;
        Expected = expected;
    }

    private static string Format(string file, int line, int column, string field, string problem, string expected) =>
        field.Length == 0
            ? $"{file}:{line}:{column}: {problem}; expected {expected}"
            : $"{file}:{line}:{column}: field '{field}': {problem}; expected {expected}";
}

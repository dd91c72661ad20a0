using TrialSim.Scenarios;

namespace TrialSim.Tests.Scenarios;

/// <summary>Edits of example scenarios by line number, and the one check every bad-input case makes.</summary>
internal static class ScenarioText
{
    /// <summary>The text with its 1-based <paramref name="line"/> replaced by <paramref name="text"/>.</summary>
    public static string ReplaceLine(string yaml, int line, string text)
    {
        var lines = yaml.Split('\n');
        lines[line - 1] = text;
        return string.Join('\n', lines);
    }

    /// <summary>The text with <paramref name="text"/> inserted after its 1-based <paramref name="afterLine"/>.</summary>
    public static string InsertLine(string yaml, int afterLine, string text)
    {
        var lines = yaml.Split('\n').ToList();
        lines.Insert(afterLine, text);
        return string.Join('\n', lines);
    }

    /// <summary>Loading <paramref name="yaml"/> fails with one error naming the file, line, column and
    /// field, with the expected form in both the error and its message; returns the error.</summary>
    /// <param name="load">The loader, given the text and the file name; default <see cref="ScenarioLoader.Parse"/>.</param>
    public static ScenarioException AssertNamesLineFieldAndExpectedForm(
        string @case, string yaml, int line, string field, string expected, Action<string, string>? load = null)
    {
        load ??= (text, file) => ScenarioLoader.Parse(text, file);
        var error = Assert.Throws<ScenarioException>(() => load(yaml, "bad.yaml"));
        Assert.True(line == error.Line, $"{@case}: line {error.Line}, not {line}: {error.Message}");
        Assert.True(field == error.Field, $"{@case}: field '{error.Field}', not '{field}': {error.Message}");
        Assert.True(error.Expected.Contains(expected, StringComparison.Ordinal), $"{@case}: expected '{error.Expected}' lacks '{expected}'");
        Assert.Contains($"; expected {error.Expected}", error.Message);
        Assert.StartsWith($"bad.yaml:{line}:{error.Column}: ", error.Message);
        Assert.True(error.Column >= 1, @case);
        return error;
    }
}

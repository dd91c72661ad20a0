using TrialSim.Scenarios;

namespace TrialSim.Reports;

/// <summary>
/// The scenario a run read, found beside its results as scenario.yaml (<c>trialsim run</c> copies
/// it there) and checked against the run's recorded SHA-256, so that figures drawn from it describe
/// the scenario that was run and not a later edit.
/// </summary>
/// <param name="Scenario">For a sweep, the scenario of sweep point 0.</param>
public sealed record ReportScenario(string Path, string Text, Scenario Scenario)
{
    public const string FileName = Sinks.RunOutput.ScenarioFile;

    /// <summary>The scenario beside <paramref name="results"/>, or null with the reason in <paramref name="reason"/>.</summary>
    public static ReportScenario? Find(RunResults results, out string reason)
    {
        string path = System.IO.Path.Combine(results.Directory, FileName);
        reason = "";
        if (!File.Exists(path))
        {
            reason = $"no {FileName} beside {System.IO.Path.GetFileName(results.SummaryPath)} ({results.Directory})";
            return null;
        }
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            reason = $"{path} could not be read ({exception.Message.TrimEnd('.')})";
            return null;
        }
        string hash = ScenarioLoader.Hash(text);
        if (hash != results.Provenance.ScenarioSha256)
        {
            reason = $"{path} is not the scenario that was run (its SHA-256 is {hash[..12]}..., the run's {results.Provenance.ScenarioSha256[..Math.Min(12, results.Provenance.ScenarioSha256.Length)]}...)";
            return null;
        }
        try
        {
            return new ReportScenario(path, text, FirstPoint(text, path));
        }
        catch (ScenarioException exception)
        {
            reason = $"{FileName} could not be read: {exception.Message}";
            return null;
        }
    }

    /// <summary>The scenario to draw the survival and accrual figures from: a sweep's point 0.</summary>
    private static Scenario FirstPoint(string text, string path) => Sweeps.SweepLoader.Parse(text, path).First;
}

namespace TrialSim.Reports;

/// <summary>
/// What a report or a figure is made from: the run's results read back from Parquet and, when it
/// is found beside them and matches the run, the scenario that was run.
/// </summary>
/// <param name="Scenario">Null when absent or not the run's; <see cref="ScenarioMissing"/> says why.</param>
public sealed record ReportInput(RunResults Results, ReportScenario? Scenario, string ScenarioMissing)
{
    /// <exception cref="ReportException">The results cannot be read.</exception>
    public static ReportInput Load(string path)
    {
        var results = RunResultsReader.Read(path);
        var scenario = ReportScenario.Find(results, out string reason);
        return new ReportInput(results, scenario, reason);
    }

    /// <summary>The seed the run used (it may differ from the scenario's, with --seed).</summary>
    public ulong Seed => Results.Provenance.Seed;
}

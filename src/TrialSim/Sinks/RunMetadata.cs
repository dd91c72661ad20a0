using System.Globalization;
using System.Reflection;
using TrialSim.Running;

namespace TrialSim.Sinks;

/// <summary>Provenance written into every Parquet file's key-value metadata.</summary>
public static class RunMetadata
{
    public static string ToolVersion { get; } =
        typeof(RunMetadata).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <param name="scenarioHash">SHA-256 of the scenario text.</param>
    public static Dictionary<string, string> For(SimulationResult result, string scenarioHash) => new()
    {
        ["trialsim.version"] = ToolVersion,
        ["trialsim.scenario_name"] = result.Scenario.Name,
        ["trialsim.scenario_sha256"] = scenarioHash,
        ["trialsim.seed"] = result.Seed.ToString(CultureInfo.InvariantCulture),
        ["trialsim.replicates"] = result.Replicates.ToString(CultureInfo.InvariantCulture),
        ["trialsim.points"] = string.Join(",", result.Scenario.Points.Select(p => p.Name)),
    };
}

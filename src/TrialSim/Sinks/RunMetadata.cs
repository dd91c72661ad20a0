using System.Globalization;
using System.Reflection;
using TrialSim.Running;
using TrialSim.Sweeps;

namespace TrialSim.Sinks;

/// <summary>Provenance written into every Parquet file's key-value metadata.</summary>
public static class RunMetadata
{
    public static string ToolVersion { get; } =
        typeof(RunMetadata).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <param name="scenarioHash">SHA-256 of the scenario text.</param>
    public static Dictionary<string, string> For(Sweep sweep, ulong seed, int replicates, string scenarioHash) => new()
    {
        ["trialsim.version"] = ToolVersion,
        ["trialsim.scenario_name"] = sweep.First.Name,
        ["trialsim.scenario_sha256"] = scenarioHash,
        ["trialsim.seed"] = seed.ToString(CultureInfo.InvariantCulture),
        ["trialsim.replicates"] = replicates.ToString(CultureInfo.InvariantCulture),
        ["trialsim.truths"] = string.Join(",", sweep.First.Points.Select(p => p.Name)),
        ["trialsim.sweep_points"] = sweep.Points.Length.ToString(CultureInfo.InvariantCulture),
        ["trialsim.sweep_axes"] = string.Join(",", sweep.Axes.Select(a => a.Name)),
        ["trialsim.sweep_fields"] = string.Join(";", sweep.Axes.Select(a => $"{a.Name}={a.Field}")),
    };

    /// <summary>The identity of a run, as checkpoints and shards record it.</summary>
    public static RunIdentity Identity(ulong seed, int replicates, string scenarioHash) => new(scenarioHash, seed, replicates, ToolVersion);
}

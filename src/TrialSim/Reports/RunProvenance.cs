using System.Collections.Immutable;
using System.Globalization;

namespace TrialSim.Reports;

/// <summary>
/// Where a run's results came from, as its Parquet key-value metadata records it (the
/// <c>trialsim.*</c> keys written by <see cref="Sinks.RunMetadata"/>).
/// </summary>
/// <param name="ScenarioSha256">SHA-256 of the scenario text the run read (<see cref="Scenarios.ScenarioLoader.Hash"/>).</param>
/// <param name="Points">The truth names, in order.</param>
/// <param name="SweepAxes">Sweep axis names in axis order; empty when the run is not a sweep.</param>
public sealed record RunProvenance(
    string ToolVersion,
    string ScenarioName,
    string ScenarioSha256,
    ulong Seed,
    int Replicates,
    ImmutableArray<string> Points,
    ImmutableArray<string> SweepAxes)
{
    public const string VersionKey = "trialsim.version";
    public const string ScenarioNameKey = "trialsim.scenario_name";
    public const string ScenarioHashKey = "trialsim.scenario_sha256";
    public const string SeedKey = "trialsim.seed";
    public const string ReplicatesKey = "trialsim.replicates";
    public const string PointsKey = "trialsim.points";
    public const string SweepAxesKey = "trialsim.sweep_axes";

    private const string Expected = "a trialsim Parquet file, whose key-value metadata has trialsim.version, trialsim.scenario_sha256, trialsim.seed and trialsim.replicates";

    public bool IsSweep => !SweepAxes.IsEmpty;

    /// <summary>Reads the provenance from a file's key-value metadata.</summary>
    /// <exception cref="ReportException">A required key is missing or malformed.</exception>
    public static RunProvenance From(IReadOnlyDictionary<string, string> metadata, string path)
    {
        string Require(string key) =>
            metadata.TryGetValue(key, out var value) && value.Length > 0
                ? value
                : throw new ReportException(path, $"no '{key}' in the key-value metadata (not written by trialsim run?)", Expected);
        string version = Require(VersionKey);
        string hash = Require(ScenarioHashKey);
        if (!ulong.TryParse(Require(SeedKey), NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed))
            throw new ReportException(path, $"'{SeedKey}' is '{metadata[SeedKey]}'", "an unsigned 64-bit whole number");
        if (!int.TryParse(Require(ReplicatesKey), NumberStyles.None, CultureInfo.InvariantCulture, out int replicates) || replicates <= 0)
            throw new ReportException(path, $"'{ReplicatesKey}' is '{metadata[ReplicatesKey]}'", "a positive whole number");
        return new RunProvenance(
            version,
            metadata.GetValueOrDefault(ScenarioNameKey, ""),
            hash,
            seed,
            replicates,
            SplitList(metadata.GetValueOrDefault(PointsKey)),
            SplitList(metadata.GetValueOrDefault(SweepAxesKey)));
    }

    private static ImmutableArray<string> SplitList(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. text.Split(',').Select(s => s.Trim())];

    /// <summary>True when another file's provenance says it came from the same run.</summary>
    public bool SameRunAs(RunProvenance other) =>
        ScenarioSha256 == other.ScenarioSha256 && Seed == other.Seed && Replicates == other.Replicates && ToolVersion == other.ToolVersion;
}

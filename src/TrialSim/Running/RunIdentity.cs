using System.Globalization;

namespace TrialSim.Running;

/// <summary>
/// What a run's results depend on: the scenario text (by hash), seed, replicates and tool
/// version. Checkpoints and shards carry it, and are only ever combined with their own kind.
/// </summary>
public sealed record RunIdentity(string ScenarioSha256, ulong Seed, int Replicates, string ToolVersion)
{
    /// <summary>Every part in full, one line: what checkpoint directories record.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"sha256={ScenarioSha256} seed={Seed} replicates={Replicates} version={ToolVersion}");

    /// <summary>Reads a <see cref="Key"/> back.</summary>
    public static bool TryParseKey(string key, out RunIdentity identity)
    {
        identity = null!;
        var parts = key.Trim().Split(' ');
        if (parts.Length != 4) return false;
        string? Value(int i, string name) => parts[i].StartsWith(name + "=", StringComparison.Ordinal) ? parts[i][(name.Length + 1)..] : null;
        if (Value(0, "sha256") is not string hash || !ulong.TryParse(Value(1, "seed"), NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed)
            || !int.TryParse(Value(2, "replicates"), NumberStyles.None, CultureInfo.InvariantCulture, out int replicates) || replicates <= 0
            || Value(3, "version") is not string version) return false;
        identity = new RunIdentity(hash, seed, replicates, version);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"scenario sha256 {ScenarioSha256[..Math.Min(12, ScenarioSha256.Length)]}, seed {Seed}, {Replicates} replicates, trialsim {ToolVersion}");
}

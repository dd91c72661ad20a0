using System.Globalization;

namespace TrialSim.Running;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (1-based, as Slurm array task ids are): the
/// units whose position in the run's unit order is Index-1 modulo Count. Round-robin spreads
/// costly and cheap points evenly over the shards.
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    public static Shard All => new(1, 1);

    public bool Owns(long unitOrdinal) => unitOrdinal % Count == Index - 1;

    /// <summary>Parses "K/N" with 1 &lt;= K &lt;= N.</summary>
    public static bool TryParse(string text, out Shard shard)
    {
        shard = default;
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            || count < 1 || index < 1 || index > count) return false;
        shard = new Shard(index, count);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}

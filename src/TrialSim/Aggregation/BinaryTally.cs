namespace TrialSim.Aggregation;

/// <summary>Successes out of trials, with the binomial Monte Carlo standard error sqrt(p(1-p)/n).</summary>
public struct BinaryTally
{
    public long Successes { get; private set; }
    public long Trials { get; private set; }

    public void Add(bool success)
    {
        Trials++;
        if (success) Successes++;
    }

    public void Merge(in BinaryTally other)
    {
        Successes += other.Successes;
        Trials += other.Trials;
    }

    internal readonly void Write(BinaryWriter writer)
    {
        writer.Write(Successes);
        writer.Write(Trials);
    }

    internal static BinaryTally Read(BinaryReader reader) => new() { Successes = reader.ReadInt64(), Trials = reader.ReadInt64() };

    public readonly double Proportion => Trials > 0 ? (double)Successes / Trials : double.NaN;
    public readonly double StandardError => Trials > 0 ? Math.Sqrt(Proportion * (1 - Proportion) / Trials) : double.NaN;
}

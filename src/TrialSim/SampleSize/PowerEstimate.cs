namespace TrialSim.SampleSize;

/// <summary>A simulated power at one value of the searched parameter, with its Monte Carlo standard error.</summary>
public sealed record PowerEstimate(double Value, double Power, double Mcse, int Replicates)
{
    /// <summary>How many MCSEs the power lies above <paramref name="target"/> (negative: below).</summary>
    public double ZFrom(double target) => Mcse > 0 ? (Power - target) / Mcse : Power >= target ? double.PositiveInfinity : double.NegativeInfinity;
}

using BenchmarkDotNet.Running;

namespace TrialSim.Benchmarks;

/// <summary>
/// Two modes. Micro-benchmarks: dotnet run -c Release --project bench/TrialSim.Benchmarks -- --filter '*'.
/// Whole-run throughput: dotnet run -c Release --project bench/TrialSim.Benchmarks -- throughput FILE
/// [--replicates N] [--threads T] (see <see cref="ThroughputMode"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == ThroughputMode.Command) return ThroughputMode.Run(args[1..], Console.Out, Console.Error);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}

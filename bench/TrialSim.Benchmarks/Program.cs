using BenchmarkDotNet.Running;

namespace TrialSim.Benchmarks;

/// <summary>Run with: dotnet run -c Release --project bench/TrialSim.Benchmarks -- --filter '*'</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}

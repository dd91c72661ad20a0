using System.Diagnostics;
using TrialSim.Running;
using TrialSim.Scenarios;

namespace TrialSim.Benchmarks;

/// <summary>
/// Whole-run throughput: <see cref="SimulationRunner.Run"/> on one scenario with no sinks, timed from
/// the call to its return (plan compilation, every point, aggregation). Prints trials per second,
/// patients per second and the process's peak working set, so long and short runs can be compared.
/// </summary>
/// <remarks>Patients = sum over points of (mean enrolled at the cut) x replicates, from the result rows'
/// Enrolled.Mean; a trial stopped at an interim look counts the patients enrolled by then.</remarks>
internal static class ThroughputMode
{
    public const string Command = "throughput";
    private const string Usage = "usage: throughput FILE [--replicates N] [--threads T]";

    /// <param name="args">The arguments after "throughput".</param>
    /// <returns>The process exit code: 0 on success, 2 on a usage error.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (!TryParse(args, out var options, out string? problem))
        {
            error.WriteLine(problem);
            error.WriteLine(Usage);
            return 2;
        }
        var scenario = ScenarioLoader.Load(options.File);
        int replicates = options.Replicates ?? scenario.Replicates;

        var stopwatch = Stopwatch.StartNew();
        var result = SimulationRunner.Run(scenario, new RunOptions(Replicates: replicates, Threads: options.Threads));
        stopwatch.Stop();

        int points = scenario.Points.Length;
        long trials = (long)replicates * points;
        double patients = 0;
        for (int p = 0; p < points; p++)
        {
            foreach (var row in result.Rows)
            {
                if (row.TruthIndex != p) continue;
                patients += row.Enrolled.Mean * replicates;
                break;
            }
        }
        double seconds = stopwatch.Elapsed.TotalSeconds;
        long peakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64;
        int threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
        output.WriteLine($"scenario      {Path.GetFileName(options.File)} ({points} points x {replicates:N0} replicates, {threads} threads)");
        output.WriteLine($"elapsed       {seconds:F3} s");
        output.WriteLine($"trials/s      {trials / seconds:N0} ({trials:N0} trials)");
        output.WriteLine($"patients/s    {patients / seconds:N0} ({patients:N0} patients)");
        output.WriteLine($"peak memory   {peakWorkingSet / (1024.0 * 1024.0):F1} MiB (peak working set)");
        return 0;
    }

    private sealed record Options(string File, int? Replicates, int Threads);

    /// <summary>FILE is a path, or the name of a shipped scenario (scenarios/FILE).</summary>
    private static bool TryParse(string[] args, out Options options, out string? problem)
    {
        options = null!;
        string? file = null;
        int? replicates = null;
        int threads = 0;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg is "--replicates" or "--threads")
            {
                if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out int value) || value <= 0)
                {
                    problem = $"{arg} needs a positive integer";
                    return false;
                }
                i++;
                if (arg == "--replicates") replicates = value;
                else threads = value;
            }
            else if (arg.StartsWith('-'))
            {
                problem = $"unknown option '{arg}'; valid options: --replicates, --threads";
                return false;
            }
            else if (file is null) file = arg;
            else
            {
                problem = $"one scenario file expected, got '{file}' and '{arg}'";
                return false;
            }
        }
        if (file is null)
        {
            problem = "a scenario file is required";
            return false;
        }
        if (!File.Exists(file))
        {
            string shipped = RepositoryFiles.Scenario(Path.GetFileName(file));
            if (!File.Exists(shipped))
            {
                problem = $"scenario file '{file}' not found (nor scenarios/{Path.GetFileName(file)}); shipped: {string.Join(", ", RepositoryFiles.ScenarioNames())}";
                return false;
            }
            file = shipped;
        }
        options = new Options(file, replicates, threads);
        problem = null;
        return true;
    }
}

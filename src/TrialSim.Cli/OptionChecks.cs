using System.Globalization;

namespace TrialSim.Cli;

/// <summary>Checks of options several subcommands share: each gives the problem, with the form expected, or null.</summary>
internal static class OptionChecks
{
    public static string? Replicates(int? replicates) =>
        replicates is <= 0 ? $"--replicates must be a positive whole number (got {replicates})" : null;

    public static string? Threads(int? threads) =>
        threads < 0 ? $"--threads must be 0 (one per core) or a positive whole number (got {threads})" : null;

    public static string? TargetPower(double targetPower) =>
        targetPower > 0 && targetPower < 1 ? null
            : string.Create(CultureInfo.InvariantCulture, $"--target-power must be a probability in (0, 1) (got {targetPower})");
}

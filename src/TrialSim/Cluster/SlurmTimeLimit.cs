using System.Text.RegularExpressions;

namespace TrialSim.Cluster;

/// <summary>A job time limit as sbatch's <c>--time</c> reads it.</summary>
public static partial class SlurmTimeLimit
{
    /// <summary>The accepted forms, for error messages.</summary>
    public const string Forms = "MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS (e.g. 01:00:00, 2-00:00:00)";

    /// <summary>Whether <paramref name="value"/> is in one of the <see cref="Forms"/>.</summary>
    public static bool IsValid(string value) => Pattern().IsMatch(value);

    [GeneratedRegex(@"\A(\d+(:\d+){0,2}|\d+-\d+(:\d+){0,2})\z")]
    private static partial Regex Pattern();
}

namespace TrialSim.Cluster;

/// <summary>Quotes text as one POSIX shell word, so that a path with spaces or quotes stays one argument.</summary>
public static class ShellQuote
{
    /// <summary>
    /// <paramref name="value"/> as it is when every character is plainly safe (letters, digits,
    /// <c>_ . / : = @ % + , -</c>), else in single quotes, each <c>'</c> written as <c>'\''</c>.
    /// </summary>
    /// <remarks>
    /// sbatch reads <c>#SBATCH</c> lines with the same quotes, except that a backslash escapes the
    /// next character even inside single quotes: see <see cref="SlurmJobScripts.CanWriteInDirective"/>.
    /// </remarks>
    public static string Word(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value.All(IsPlain)) return value;
        return "'" + value.Replace("'", @"'\''", StringComparison.Ordinal) + "'";
    }

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || "_./:=@%+,-".Contains(c);
}

namespace TrialSim.Cluster;

/// <summary>The shell command that starts this trialsim again, for job scripts run elsewhere.</summary>
public static class TrialSimInvocation
{
    /// <summary>
    /// Under the <c>dotnet</c> host, the host and the program's assembly
    /// (<c>/usr/bin/dotnet /opt/trialsim/TrialSim.Cli.dll</c>); as an app host or a published
    /// executable, the executable itself. Paths are quoted as shell words.
    /// </summary>
    /// <param name="processPath">The running executable (<see cref="Environment.ProcessPath"/>).</param>
    /// <param name="programAssemblyPath">The trialsim command-line assembly (TrialSim.Cli.dll).</param>
    public static string FromProcess(string processPath, string programAssemblyPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(processPath);
        bool isDotnetHost = Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        if (!isDotnetHost) return ShellQuote.Word(processPath);
        ArgumentException.ThrowIfNullOrEmpty(programAssemblyPath);
        return ShellQuote.Word(processPath) + " " + ShellQuote.Word(programAssemblyPath);
    }
}

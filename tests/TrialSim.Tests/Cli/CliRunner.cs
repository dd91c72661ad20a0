using TrialSim.Cli;

namespace TrialSim.Tests.Cli;

/// <summary>Runs the trialsim command in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = TrialSimCommand.Invoke(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static string RepositoryPath(params string[] parts)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Simulator.sln")))
                return Path.Combine([directory.FullName, .. parts]);
        throw new DirectoryNotFoundException("repository root (Simulator.sln) not found");
    }

    public static string ShippedScenario(string name) => RepositoryPath("scenarios", name);

    public static IEnumerable<string> ShippedScenarios() =>
        Directory.GetFiles(RepositoryPath("scenarios"), "*.yaml").Order(StringComparer.Ordinal);
}

/// <summary>A temporary directory removed after the test.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "trialsim-test-" + Guid.NewGuid().ToString("N"));
    public TemporaryDirectory() => Directory.CreateDirectory(Path);
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

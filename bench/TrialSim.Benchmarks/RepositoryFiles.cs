namespace TrialSim.Benchmarks;

/// <summary>Finds shipped files from wherever BenchmarkDotNet runs the benchmark process.</summary>
internal static class RepositoryFiles
{
    public static string Scenario(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "scenarios", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"scenarios/{name} not found above {AppContext.BaseDirectory}");
    }
}

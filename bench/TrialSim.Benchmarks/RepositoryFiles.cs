namespace TrialSim.Benchmarks;

/// <summary>Finds shipped files from wherever BenchmarkDotNet runs the benchmark process.</summary>
internal static class RepositoryFiles
{
    /// <summary>The full path of scenarios/<paramref name="name"/>.</summary>
    public static string Scenario(string name) => Path.Combine(ScenarioDirectory(), name);

    /// <summary>The file names of every shipped scenario (scenarios/*.yaml), sorted.</summary>
    public static string[] ScenarioNames()
    {
        var names = Directory.GetFiles(ScenarioDirectory(), "*.yaml").Select(Path.GetFileName).OfType<string>().ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }

    private static string ScenarioDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "scenarios");
            if (Directory.Exists(candidate) && Directory.GetFiles(candidate, "*.yaml").Length > 0) return candidate;
        }
        throw new DirectoryNotFoundException($"no scenarios/*.yaml found above {AppContext.BaseDirectory}");
    }
}

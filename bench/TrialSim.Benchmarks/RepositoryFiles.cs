namespace TrialSim.Benchmarks;

/// <summary>Finds shipped files from wherever BenchmarkDotNet runs the benchmark process.</summary>
internal static class RepositoryFiles
{
    /// <summary>The full path of scenarios/<paramref name="name"/>.</summary>
    public static string Scenario(string name) => Path.Combine(ScenarioDirectory(), name);

    /// <summary>The file names of every shipped scenario (scenarios/*.yaml), sorted.</summary>
    public static string[] ScenarioNames()
    {
        var names = System.IO.Directory.GetFiles(ScenarioDirectory(), "*.yaml").Select(Path.GetFileName).OfType<string>().ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }

    /// <summary>The full path of bench/workloads/<paramref name="name"/> (the workloads run beside rpact).</summary>
    public static string Workload(string name) => Path.Combine(Directory("bench/workloads"), name);

    private static string ScenarioDirectory() => Directory("scenarios");

    /// <summary>The first directory <paramref name="relative"/> holding YAML files above where the benchmark runs.</summary>
    private static string Directory(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, relative);
            if (System.IO.Directory.Exists(candidate) && System.IO.Directory.GetFiles(candidate, "*.yaml").Length > 0) return candidate;
        }
        throw new DirectoryNotFoundException($"no {relative}/*.yaml found above {AppContext.BaseDirectory}");
    }
}

namespace TrialSim.Tests.Cli;

/// <summary>The Parquet result files of a run's output directory, compared byte for byte.</summary>
internal static class ResultFiles
{
    /// <summary>Every .parquet file under <paramref name="directory"/>, as sorted relative paths
    /// (summary, arms, looks and each points/point=K/part-0.parquet).</summary>
    public static string[] In(string directory) =>
        Directory.GetFiles(directory, "*.parquet", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToArray();

    /// <summary>Both directories hold the same result files (summary.parquet and a points/ partition
    /// at least), with the same bytes.</summary>
    public static void AssertIdentical(string expected, string actual, string what)
    {
        string[] files = In(expected);
        Assert.Contains("summary.parquet", files);
        Assert.Contains(files, f => f.StartsWith("points/point=", StringComparison.Ordinal));
        Assert.Equal(files, In(actual));
        foreach (string file in files)
        {
            byte[] a = File.ReadAllBytes(Path.Combine(expected, file));
            byte[] b = File.ReadAllBytes(Path.Combine(actual, file));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{what}: {file} differs");
        }
    }
}

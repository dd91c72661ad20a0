using System.Diagnostics;

namespace TrialSim.Tests.Cluster;

/// <summary>Runs bash for tests that check generated shell text by executing it.</summary>
internal static class Bash
{
    /// <summary>False on Windows, where these tests return early: the scripts are for Linux clusters.</summary>
    public static bool IsAvailable => !OperatingSystem.IsWindows();

    public static (int ExitCode, string Output, string Error) Run(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    /// <summary>
    /// Writes an executable script that appends each of its arguments as a line of
    /// <paramref name="log"/> (a path without quotes), then a line <c>--</c>, then runs <paramref name="then"/>.
    /// </summary>
    public static string ArgumentRecorder(string path, string log, string then = "")
    {
        File.WriteAllText(path, $"#!/bin/bash\nprintf '%s\\n' \"$@\" -- >> '{log}'\n{then}\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>The calls an <see cref="ArgumentRecorder"/> logged, each as its arguments; none when it never ran.</summary>
    public static List<string[]> RecordedCalls(string log)
    {
        var calls = new List<string[]>();
        if (!File.Exists(log)) return calls;
        var current = new List<string>();
        foreach (string line in File.ReadAllLines(log))
        {
            if (line == "--") { calls.Add([.. current]); current.Clear(); }
            else current.Add(line);
        }
        return calls;
    }
}

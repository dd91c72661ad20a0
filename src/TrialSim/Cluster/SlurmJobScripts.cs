using System.Globalization;
using System.Text;
using TrialSim.Sinks;

namespace TrialSim.Cluster;

/// <summary>
/// The scripts that run a <see cref="SlurmJob"/>: a job array with one task per shard, a merge job,
/// and <c>submit.sh</c>, which queues the merge to start once every shard has succeeded.
/// </summary>
/// <remarks>
/// In <see cref="SlurmJob.Directory"/>: shard K writes <c>shards/K</c>, the merge writes
/// <c>result</c>, every job logs to <c>logs</c>. Every path is quoted as a shell word
/// (<see cref="ShellQuote"/>); in <c>--output</c> file patterns a literal <c>%</c> is doubled.
/// </remarks>
public sealed record SlurmJobScripts(SlurmJob Job, string ArrayJob, string MergeJob, string Submit)
{
    public const string ArrayJobFileName = "trialsim-array.sbatch";
    public const string MergeJobFileName = "trialsim-merge.sbatch";
    public const string SubmitFileName = "submit.sh";
    public const string LogsDirectoryName = "logs";
    public const string ShardsDirectoryName = "shards";
    public const string ResultDirectoryName = "result";

    /// <summary>Generates the scripts; no file is touched.</summary>
    /// <exception cref="ArgumentException">A path is relative or cannot be written in an <c>#SBATCH</c> line, or a number or the time limit is out of range.</exception>
    public static SlurmJobScripts For(SlurmJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        Check(job);
        return new SlurmJobScripts(job, ArrayJobText(job), MergeJobText(job), SubmitText(job));
    }

    /// <summary>
    /// Whether sbatch reads <paramref name="value"/> back unchanged from a quoted <c>#SBATCH</c>
    /// option: it has no backslash (an escape there even inside quotes) and no control character.
    /// </summary>
    public static bool CanWriteInDirective(string value) => !value.Any(c => c == '\\' || char.IsControl(c));

    public string LogsDirectory => Path.Join(Job.Directory, LogsDirectoryName);
    public string ShardsDirectory => Path.Join(Job.Directory, ShardsDirectoryName);
    public string ResultDirectory => Path.Join(Job.Directory, ResultDirectoryName);
    public string ArrayJobPath => Path.Join(Job.Directory, ArrayJobFileName);
    public string MergeJobPath => Path.Join(Job.Directory, MergeJobFileName);
    public string SubmitPath => Path.Join(Job.Directory, SubmitFileName);

    /// <summary>
    /// Writes the three scripts into <see cref="SlurmJob.Directory"/> (each whole or not at all,
    /// <c>submit.sh</c> last and executable) and creates <c>logs/</c>, which Slurm needs before a job starts.
    /// </summary>
    public void Write()
    {
        Directory.CreateDirectory(LogsDirectory);
        WriteFile(ArrayJobPath, ArrayJob, executable: false);
        WriteFile(MergeJobPath, MergeJob, executable: false);
        WriteFile(SubmitPath, Submit, executable: true);
    }

    private static void Check(SlurmJob job)
    {
        if (!Path.IsPathFullyQualified(job.ScenarioPath))
            throw new ArgumentException($"must be an absolute path (got '{job.ScenarioPath}')", nameof(job.ScenarioPath));
        if (!Path.IsPathFullyQualified(job.Directory) || !CanWriteInDirective(job.Directory))
            throw new ArgumentException($"must be an absolute path without backslashes or control characters (got '{job.Directory}')", nameof(job.Directory));
        ArgumentOutOfRangeException.ThrowIfLessThan(job.Shards, 1, nameof(job.Shards));
        if (string.IsNullOrWhiteSpace(job.TrialSimCommand) || job.TrialSimCommand.Any(char.IsControl))
            throw new ArgumentException($"must be a one-line shell command (got '{job.TrialSimCommand}')", nameof(job.TrialSimCommand));
        if (job.Replicates is int replicates) ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1, nameof(job.Replicates));
        if (job.Threads is int threads) ArgumentOutOfRangeException.ThrowIfNegative(threads, nameof(job.Threads));
        ArgumentOutOfRangeException.ThrowIfLessThan(job.CpusPerTask, 1, nameof(job.CpusPerTask));
        if (!SlurmTimeLimit.IsValid(job.TimeLimit))
            throw new ArgumentException($"must be {SlurmTimeLimit.Forms} (got '{job.TimeLimit}')", nameof(job.TimeLimit));
        foreach (var (name, value) in new[] { (nameof(job.Partition), job.Partition), (nameof(job.Account), job.Account) })
            if (value is not null && (value.Length == 0 || !CanWriteInDirective(value)))
                throw new ArgumentException($"must be a non-empty name without backslashes or control characters (got '{value}')", name);
    }

    private static string ArrayJobText(SlurmJob job)
    {
        string n = job.Shards.ToString(CultureInfo.InvariantCulture);
        var text = new ScriptText();
        text.Line("#!/bin/bash");
        text.Line($"# trialsim shards of {OneLine(job.ScenarioPath)}: array task K runs shard K of {n}.");
        text.Line("# Written by `trialsim slurm`; submit.sh queues it with the merge that follows it.");
        Directives(text, job, JobName(job), job.CpusPerTask);
        text.Line($"#SBATCH --array=1-{n}");
        text.Line($"#SBATCH --output={ShellQuote.Word(FilePattern(Folder(job, LogsDirectoryName)) + "%A_%a.out")}");
        text.Line("set -euo pipefail");
        text.Line($"shard=${{SLURM_ARRAY_TASK_ID:?runs as a task of a Slurm job array (sbatch --array=1-{n})}}");
        var run = new StringBuilder();
        run.Append(CultureInfo.InvariantCulture, $"{job.TrialSimCommand} run {ShellQuote.Word(job.ScenarioPath)}");
        run.Append(CultureInfo.InvariantCulture, $" --shard \"$shard/{n}\" --out {ShellQuote.Word(Folder(job, ShardsDirectoryName))}\"$shard\"");
        if (job.Replicates is int replicates) run.Append(CultureInfo.InvariantCulture, $" --replicates {replicates}");
        if (job.Seed is ulong seed) run.Append(CultureInfo.InvariantCulture, $" --seed {seed}");
        // Without --threads, a shard uses the CPUs Slurm allocated to it, not every core of the node.
        run.Append(job.Threads is int threads ? string.Create(CultureInfo.InvariantCulture, $" --threads {threads}") : " --threads \"${SLURM_CPUS_PER_TASK:-1}\"");
        run.Append(" --quiet");
        text.Line(run.ToString());
        text.Line($"echo \"trialsim shard $shard/{n}: done\"");
        return text.ToString();
    }

    private static string MergeJobText(SlurmJob job)
    {
        string n = job.Shards.ToString(CultureInfo.InvariantCulture);
        string shards = ShellQuote.Word(Folder(job, ShardsDirectoryName));
        var text = new ScriptText();
        text.Line("#!/bin/bash");
        text.Line($"# Merges the {n} trialsim shards of {OneLine(job.ScenarioPath)} into one result.");
        text.Line("# Written by `trialsim slurm`; submit.sh queues it to start once every shard has succeeded.");
        Directives(text, job, JobName(job) + "-merge", cpusPerTask: 1);
        text.Line($"#SBATCH --output={ShellQuote.Word(FilePattern(Folder(job, LogsDirectoryName)) + "merge-%j.out")}");
        text.Line("set -euo pipefail");
        // Every shard by number, not a glob, so that a missing one stops the merge with its name.
        text.Line("shards=()");
        text.Line($"for ((shard = 1; shard <= {n}; shard++)); do");
        text.Line($"  directory={shards}\"$shard\"");
        text.Line($"  [ -d \"$directory\" ] || {{ echo \"error: shard $shard/{n} has no output ($directory): did its array task fail?\" >&2; exit 1; }}");
        text.Line("  shards+=(\"$directory\")");
        text.Line("done");
        text.Line($"{job.TrialSimCommand} merge \"${{shards[@]}}\" --out {ShellQuote.Word(Path.Join(job.Directory, ResultDirectoryName))} --quiet");
        text.Line($"echo \"trialsim merge of {n} shards: done\"");
        return text.ToString();
    }

    private static string SubmitText(SlurmJob job)
    {
        string n = job.Shards.ToString(CultureInfo.InvariantCulture);
        var text = new ScriptText();
        text.Line("#!/usr/bin/env bash");
        text.Line($"# Queues the {n} trialsim shards of {OneLine(job.ScenarioPath)} as a job array, then the");
        text.Line("# merge, which starts once every shard has succeeded and is cancelled if one fails.");
        text.Line("# Written by `trialsim slurm`; run it where sbatch works. Prints both job ids.");
        text.Line("set -euo pipefail");
        text.Line($"mkdir -p {ShellQuote.Word(Path.Join(job.Directory, LogsDirectoryName))}");
        text.Line("# --parsable prints \"id\" or \"id;cluster\".");
        text.Line($"array_job=$(sbatch --parsable {ShellQuote.Word(Path.Join(job.Directory, ArrayJobFileName))})");
        text.Line("array_job=${array_job%%;*}");
        text.Line($"merge_job=$(sbatch --parsable --dependency=afterok:\"$array_job\" --kill-on-invalid-dep=yes {ShellQuote.Word(Path.Join(job.Directory, MergeJobFileName))})");
        text.Line("merge_job=${merge_job%%;*}");
        text.Line($"echo \"array job $array_job: {n} shard(s), logs in \"{ShellQuote.Word(Path.Join(job.Directory, LogsDirectoryName))}");
        text.Line($"echo \"merge job $merge_job: after every shard succeeds, result in \"{ShellQuote.Word(Path.Join(job.Directory, ResultDirectoryName))}");
        return text.ToString();
    }

    private static void Directives(ScriptText text, SlurmJob job, string jobName, int cpusPerTask)
    {
        text.Line($"#SBATCH --job-name={jobName}");
        text.Line("#SBATCH --ntasks=1");
        text.Line(string.Create(CultureInfo.InvariantCulture, $"#SBATCH --cpus-per-task={cpusPerTask}"));
        text.Line($"#SBATCH --time={job.TimeLimit}");
        if (job.Partition is not null) text.Line($"#SBATCH --partition={ShellQuote.Word(job.Partition)}");
        if (job.Account is not null) text.Line($"#SBATCH --account={ShellQuote.Word(job.Account)}");
    }

    /// <summary><c>trialsim-</c> and the scenario file's name, reduced to characters safe in a job name.</summary>
    private static string JobName(SlurmJob job)
    {
        string stem = Path.GetFileNameWithoutExtension(job.ScenarioPath);
        var name = new StringBuilder("trialsim-");
        foreach (char c in stem) name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        return name.ToString();
    }

    /// <summary>A directory of the job with a trailing slash, for a name or pattern to follow.</summary>
    private static string Folder(SlurmJob job, string name) => Path.Join(job.Directory, name) + "/";

    /// <summary>A literal path inside an sbatch file-name pattern, where <c>%</c> starts a replacement.</summary>
    private static string FilePattern(string path) => path.Replace("%", "%%", StringComparison.Ordinal);

    /// <summary>A path for a comment line: a newline in it would end the comment.</summary>
    private static string OneLine(string value) => new(value.Select(c => char.IsControl(c) ? '?' : c).ToArray());

    private static void WriteFile(string path, string text, bool executable)
    {
        string temporary = AtomicFile.TemporaryFor(path);
        try
        {
            File.WriteAllBytes(temporary, Encoding.UTF8.GetBytes(text));
            if (executable && !OperatingSystem.IsWindows())
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(temporary) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            AtomicFile.Commit(temporary, path);
        }
        catch
        {
            AtomicFile.TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Script lines joined with <c>\n</c> whatever the platform: the scripts run on Linux.</summary>
    private sealed class ScriptText
    {
        private readonly StringBuilder _text = new();
        public void Line(string line) => _text.Append(line).Append('\n');
        public override string ToString() => _text.ToString();
    }
}

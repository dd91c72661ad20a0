using System.CommandLine;
using TrialSim.Cluster;

namespace TrialSim.Cli;

/// <summary>
/// <c>trialsim slurm FILE --shards N --out DIR</c>: writes the Slurm scripts that run a scenario as a
/// job array of N shards and merge them; submits nothing.
/// </summary>
internal static class SlurmCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "Scenario YAML file, on storage every node sees" };
        var shards = new Option<int?>("--shards") { Description = "Array tasks, one shard each (required, >= 1)" };
        var outDirectory = new Option<string?>("--out", "-o") { Description = "Directory for the scripts, logs, shards and result, on storage every node sees (required)" };
        var replicates = new Option<int?>("--replicates", "-n") { Description = "Simulated trials per scenario point (default: the scenario's)" };
        var seed = new Option<ulong?>("--seed") { Description = "Random seed (default: the scenario's)" };
        var threads = new Option<int?>("--threads", "-t") { Description = "Worker threads per shard (default: the task's CPUs, $SLURM_CPUS_PER_TASK)" };
        var cpusPerTask = new Option<int>("--cpus-per-task") { Description = "CPUs per array task", DefaultValueFactory = _ => 1 };
        var time = new Option<string>("--time") { Description = "Time limit of each job (Slurm form, e.g. 01:00:00 or 2-00:00:00)", DefaultValueFactory = _ => "01:00:00" };
        var partition = new Option<string?>("--partition") { Description = "Slurm partition (default: the cluster's)" };
        var account = new Option<string?>("--account") { Description = "Slurm account to charge (default: yours)" };
        var trialsim = new Option<string?>("--trialsim") { Description = "Shell command that starts trialsim on the nodes (default: this trialsim)" };
        var command = new Command("slurm", "Write Slurm scripts that run a scenario in shards and merge them")
        {
            file, shards, outDirectory, replicates, seed, threads, cpusPerTask, time, partition, account, trialsim,
        };
        command.SetAction(parse =>
        {
            string? invocation = parse.GetValue(trialsim) ?? ThisTrialSim();
            if (Problem(parse.GetValue(shards), parse.GetValue(outDirectory), parse.GetValue(replicates), parse.GetValue(threads),
                    parse.GetValue(cpusPerTask), parse.GetValue(time)!, parse.GetValue(partition), parse.GetValue(account), invocation) is { } problem)
                return TrialSimCommand.Refuse(error, problem);
            string path = parse.GetValue(file)!;
            if (!ScenarioInput.TryLoad(path, error, out _, out _)) return TrialSimCommand.BadInput;

            var job = new SlurmJob(Path.GetFullPath(path), parse.GetValue(shards)!.Value, Path.GetFullPath(parse.GetValue(outDirectory)!), invocation!)
            {
                Replicates = parse.GetValue(replicates),
                Seed = parse.GetValue(seed),
                Threads = parse.GetValue(threads),
                CpusPerTask = parse.GetValue(cpusPerTask),
                TimeLimit = parse.GetValue(time)!,
                Partition = parse.GetValue(partition),
                Account = parse.GetValue(account),
            };
            var scripts = SlurmJobScripts.For(job);
            scripts.Write();
            output.WriteLine($"wrote {scripts.ArrayJobPath} ({job.Shards} array task(s)), {scripts.MergeJobPath} and {scripts.SubmitPath}");
            output.WriteLine($"submit with: {ShellQuote.Word(scripts.SubmitPath)}");
            output.WriteLine($"shard K writes {Path.Join(scripts.ShardsDirectory, "K")}, the merge {scripts.ResultDirectory}; logs go to {scripts.LogsDirectory}");
            return 0;
        });
        return command;
    }

    /// <summary>The first bad option, named with the form expected; null when all are good.</summary>
    private static string? Problem(int? shards, string? outDirectory, int? replicates, int? threads, int cpusPerTask, string time,
        string? partition, string? account, string? invocation)
    {
        if (shards is null) return "--shards is required: the number of array tasks, a whole number >= 1";
        if (shards < 1) return $"--shards must be a whole number >= 1 (got {shards})";
        if (string.IsNullOrEmpty(outDirectory)) return "--out is required: the directory for the scripts and results, on storage every node sees";
        if (!SlurmJobScripts.CanWriteInDirective(outDirectory))
            return $"--out '{outDirectory}' cannot be written in an #SBATCH line; expected a path without backslashes or control characters";
        if ((OptionChecks.Replicates(replicates) ?? OptionChecks.Threads(threads)) is string problem) return problem;
        if (cpusPerTask < 1) return $"--cpus-per-task must be a whole number >= 1 (got {cpusPerTask})";
        if (!SlurmTimeLimit.IsValid(time)) return $"--time '{time}' is not a Slurm time limit; expected {SlurmTimeLimit.Forms}";
        if (partition is not null && (partition.Length == 0 || !SlurmJobScripts.CanWriteInDirective(partition)))
            return $"--partition '{partition}' must be a non-empty name without backslashes or control characters";
        if (account is not null && (account.Length == 0 || !SlurmJobScripts.CanWriteInDirective(account)))
            return $"--account '{account}' must be a non-empty name without backslashes or control characters";
        if (invocation is null)
            return "cannot tell how this trialsim was started; give --trialsim \"COMMAND\", the shell command that starts trialsim on the nodes";
        if (string.IsNullOrWhiteSpace(invocation) || invocation.Any(char.IsControl))
            return $"--trialsim must be a one-line shell command that starts trialsim on the nodes (got '{invocation}')";
        return null;
    }

    /// <summary>The command that started this process, for the nodes to start it the same way.</summary>
    private static string? ThisTrialSim() =>
        Environment.ProcessPath is { } process ? TrialSimInvocation.FromProcess(process, typeof(SlurmCommand).Assembly.Location) : null;
}

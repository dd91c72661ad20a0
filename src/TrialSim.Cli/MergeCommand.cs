using System.CommandLine;
using TrialSim.Running;
using TrialSim.Scenarios;
using TrialSim.Sinks;
using TrialSim.Sweeps;

namespace TrialSim.Cli;

/// <summary>
/// <c>trialsim merge DIR... --out OUT</c>: combines the shards of one run (<c>run --shard K/N</c>)
/// into the output a single-machine run writes, byte for byte.
/// </summary>
internal static class MergeCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var directories = new Argument<string[]>("directories") { Description = "Shard output directories (each from 'trialsim run --shard K/N --out DIR')", Arity = ArgumentArity.OneOrMore };
        var outDirectory = new Option<string>("--out", "-o") { Description = "Output directory", DefaultValueFactory = _ => "out" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only errors" };
        var command = new Command("merge", "Combine the shards of a run into its results") { directories, outDirectory, quiet };
        command.SetAction(parse => Execute(parse.GetValue(directories)!, parse.GetValue(outDirectory)!, parse.GetValue(quiet), output, error));
        return command;
    }

    private static int Execute(string[] directories, string outDirectory, bool quiet, TextWriter output, TextWriter error)
    {
        string? text = null, identityKey = null;
        foreach (string directory in directories)
        {
            string scenarioPath = Path.Combine(directory, RunOutput.ScenarioFile);
            string identityPath = CheckpointStore.IdentityPathIn(directory);
            if (!File.Exists(scenarioPath) || !File.Exists(identityPath))
                return TrialSimCommand.Refuse(error, $"{directory}: not a shard directory (expected {RunOutput.ScenarioFile} and {CheckpointStore.UnitsFolder}/ written by 'trialsim run --shard K/N --out {directory}')");
            string shardText = File.ReadAllText(scenarioPath), shardKey = File.ReadAllText(identityPath);
            if (text is null) (text, identityKey) = (shardText, shardKey);
            else if (shardKey != identityKey || ScenarioLoader.Hash(shardText) != ScenarioLoader.Hash(text))
                return TrialSimCommand.Refuse(error, $"{directory}: a shard of a different run ({shardKey}) than {directories[0]} ({identityKey})");
        }
        if (!RunIdentity.TryParseKey(identityKey!, out var identity))
            return TrialSimCommand.Refuse(error, $"{CheckpointStore.IdentityPathIn(directories[0])}: unreadable run identity '{identityKey}'");
        Sweep sweep;
        try { sweep = SweepLoader.Parse(text!, Path.Combine(directories[0], RunOutput.ScenarioFile)); }
        catch (ScenarioException exception) { return TrialSimCommand.Refuse(error, exception.Message); }

        var stores = directories.Select(d => new CheckpointStore(d, identity)).ToList();
        SweepResult result;
        try { result = SweepRunner.Collect(sweep, identity.Replicates, identity.Seed, stores); }
        catch (InvalidDataException exception) { return TrialSimCommand.Refuse(error, exception.Message); }
        var metadata = RunMetadata.For(sweep, identity.Seed, identity.Replicates, identity.ScenarioSha256);
        RunOutput.WriteScenario(outDirectory, text!);
        var written = RunOutput.Write(result, outDirectory, metadata);
        if (!quiet)
        {
            ConsoleTable.Write(result, output);
            output.WriteLine();
            output.WriteLine($"merged {directories.Length} shard(s); wrote {string.Join(", ", written)}");
        }
        return 0;
    }

}

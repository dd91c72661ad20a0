using System.CommandLine;
using TrialSim.Scenarios;

namespace TrialSim.Cli;

/// <summary><c>trialsim schema</c>: prints the JSON Schema of the scenario format, for editor completion.</summary>
internal static class SchemaCommand
{
    public static Command Build(TextWriter output)
    {
        var command = new Command("schema", "Print the JSON Schema of the scenario format");
        command.SetAction(_ =>
        {
            output.WriteLine(ScenarioSchema.Json);
            return 0;
        });
        return command;
    }
}

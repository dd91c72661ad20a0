using System.CommandLine;

namespace TrialSim.Cli;

/// <summary><c>trialsim validate FILE</c>: checks a scenario without running it.</summary>
internal static class ValidateCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "Scenario YAML file" };
        var command = new Command("validate", "Check a scenario file without running it") { file };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            if (!ScenarioInput.TryLoad(path, error, out var sweep, out _)) return TrialSimCommand.BadInput;
            var scenario = sweep.First;
            output.WriteLine($"{path}: ok: '{scenario.Name}', {scenario.Points.Length} truth(s), {scenario.Analyses.Length} analysis(es), {scenario.Replicates} replicates");
            if (sweep.HasAxes)
            {
                output.WriteLine($"  sweep: {sweep.Points.Length} points; axes: {string.Join("; ", sweep.Axes.Select(a => $"{a.Name} ({a.Field}{(a.Zipped ? ", zipped" : "")}): {string.Join(", ", a.Values.Select(v => v.Label))}"))}");
                output.WriteLine($"  point 0 ({sweep.Points[0].Label}):");
            }
            var armNames = scenario.Arms.Select(a => a.Name).ToArray();
            if (scenario.Arms.Length > 1)
                output.WriteLine($"  arms: {string.Join(", ", scenario.Arms.Select(a => $"{a.Name} (ratio {a.Ratio})"))}; {scenario.Strata.Count} stratum(a)");
            foreach (var point in scenario.Points)
            {
                output.WriteLine($"  {point.Name}:");
                for (int a = 0; a < point.Arms.Length; a++)
                    output.WriteLine($"    {(scenario.Arms.Length > 1 ? armNames[a] + ": " : "")}{point.Arms[a].Describe(armNames)}");
            }
            return 0;
        });
        return command;
    }
}

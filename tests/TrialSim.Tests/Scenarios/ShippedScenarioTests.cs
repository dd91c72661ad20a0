using TrialSim.Sweeps;
using System.Text.Json;
using TrialSim.Scenarios;
using TrialSim.Tests.Cli;

namespace TrialSim.Tests.Scenarios;

/// <summary>Every YAML file in scenarios/ loads and satisfies the JSON Schema that <c>trialsim schema</c> prints.</summary>
public class ShippedScenarioTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (string path in CliRunner.ShippedScenarios()) data.Add(Path.GetFileName(path));
        return data;
    }

    [Fact]
    public void Scenarios_folder_ships_the_ssg_xxv_designs()
    {
        var names = CliRunner.ShippedScenarios().Select(Path.GetFileName).ToList();
        Assert.Contains("ssg-xxv.yaml", names);
        Assert.Contains("ssg-xxv-as-run.yaml", names);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Shipped_scenario_satisfies_the_schema(string name)
    {
        string text = File.ReadAllText(CliRunner.ShippedScenario(name));
        SweepLoader.Parse(text, name);
        using var schema = JsonDocument.Parse(ScenarioSchema.Json);
        using var document = ScenarioSchema.ToJsonDocument(text, name);
        var errors = new SubsetSchemaValidator(schema.RootElement).Validate(document.RootElement);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}

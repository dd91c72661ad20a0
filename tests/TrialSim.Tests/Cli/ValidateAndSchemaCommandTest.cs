using System.Text.Json;

namespace TrialSim.Tests.Cli;

public class ValidateAndSchemaCommandTest
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (string path in CliRunner.ShippedScenarios()) data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Every_shipped_scenario_validates(string name)
    {
        var run = CliRunner.Run("validate", CliRunner.ShippedScenario(name));
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("ok", run.Output);
    }

    [Fact]
    public void Schema_command_prints_valid_json_schema()
    {
        var run = CliRunner.Run("schema");
        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        Assert.True(document.RootElement.TryGetProperty("$schema", out _));
        Assert.True(document.RootElement.TryGetProperty("properties", out var properties));
        Assert.True(properties.TryGetProperty("truths", out _));
    }

    [Fact]
    public void Validate_reports_a_bad_file_with_exit_code_2()
    {
        using var directory = new TemporaryDirectory();
        string path = directory.File("bad.yaml");
        File.WriteAllText(path, "name: x\nunknown_key: 3\n");
        var run = CliRunner.Run("validate", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.yaml:2:", run.Error);
        Assert.Contains("unknown_key", run.Error);
    }
}

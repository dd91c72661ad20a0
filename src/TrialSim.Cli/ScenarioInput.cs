using TrialSim.Scenarios;

namespace TrialSim.Cli;

/// <summary>Loads a scenario file for a subcommand, turning a bad file into one clear message.</summary>
internal static class ScenarioInput
{
    public static bool TryLoad(string path, TextWriter error, out Scenario scenario, out string text)
    {
        scenario = null!;
        text = "";
        try
        {
            scenario = ScenarioLoader.Load(path);
            text = File.ReadAllText(path);
            return true;
        }
        catch (ScenarioException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return false;
        }
    }
}

using TrialSim.Scenarios;
using TrialSim.Sinks;
using TrialSim.Sweeps;

namespace TrialSim.Cli;

/// <summary>Loads a scenario file (a single scenario or a sweep) for a subcommand, turning a bad file into one clear message.</summary>
internal static class ScenarioInput
{
    public static bool TryLoad(string path, TextWriter error, out Sweep sweep, out string text)
    {
        sweep = null!;
        text = "";
        try
        {
            text = ScenarioLoader.ReadFile(path);
            sweep = SweepLoader.Parse(text, path);
            if (RunOutput.AxisNameClash(sweep) is string clash)
            {
                error.WriteLine($"error: {path}: field 'sweep': {clash}");
                return false;
            }
            return true;
        }
        catch (ScenarioException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return false;
        }
    }
}

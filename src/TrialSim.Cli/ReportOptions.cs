using System.Globalization;

namespace TrialSim.Cli;

/// <summary>Checks of the options <c>report</c> and <c>plot</c> share.</summary>
internal static class ReportOptions
{
    public static bool CheckTargetPower(double targetPower, TextWriter error)
    {
        if (targetPower > 0 && targetPower < 1) return true;
        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: --target-power must be a probability in (0, 1) (got {targetPower})"));
        return false;
    }
}

using System.Globalization;
using TrialSim.Distributions;

namespace TrialSim.Scenarios;

/// <summary>
/// The assumed truth in one arm: time to progression, and optionally time to death (seen at its
/// true time; the earlier of the two ends PFS; death alone gives OS), rechallenge at progression,
/// and stopping for toxicity followed by another arm's progression model.
/// </summary>
public sealed record ArmTruth(EventTimeModel Progression, EventTimeModel? Death = null, Rechallenge? Rechallenge = null, TreatmentSwitch? Switch = null)
{
    /// <summary>One line for tables and <c>trialsim validate</c>; <paramref name="armNames"/> names the switch target.</summary>
    public string Describe(IReadOnlyList<string> armNames)
    {
        var parts = new List<string> { $"progression {Progression.Describe()}" };
        if (Death is not null) parts.Add($"death {Death.Describe()}");
        if (Switch is not null) parts.Add($"stops for toxicity {Switch.TimeToStop.Describe()} then follows '{armNames[Switch.ToArm]}'");
        if (Rechallenge is not null)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"rechallenge response {Rechallenge.ResponseProbability:P0}, PFS2 {Rechallenge.ProgressionAfterRestart.Describe()}"));
        return string.Join("; ", parts);
    }
}

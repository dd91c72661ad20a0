using TrialSim.Distributions;

namespace TrialSim.Scenarios;

/// <summary>
/// One assumed truth to simulate under (for example H0 or H1): progression times, and optionally
/// deaths without progression, seen at their true time. Progression-free survival is the earlier
/// of the two; the two are independent.
/// </summary>
public sealed record TruthPoint(string Name, EventTimeModel Progression, EventTimeModel? Death)
{
    /// <summary>True progression-free survival S(t) = S_progression(t) S_death(t).</summary>
    public double ProgressionFreeSurvival(double time) =>
        Progression.Survival(time) * (Death?.Survival(time) ?? 1.0);

    /// <summary>Constant PFS hazard when both parts are exponential, else null.</summary>
    public double? ConstantHazard =>
        Progression.IsExponential && (Death is null || Death.IsExponential)
            ? Progression.Hazard(1) + (Death?.Hazard(1) ?? 0) : null;
}

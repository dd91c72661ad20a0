namespace TrialSim.Cohorts;

/// <summary>A recruiting site: opens at <paramref name="Opens"/> months after the trial starts and
/// then enrols as a Poisson process at <paramref name="Rate"/> patients per month.</summary>
public sealed record Site(string Name, double Opens, double Rate);

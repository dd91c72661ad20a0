using System.Collections.Immutable;

namespace TrialSim.Cohorts;

/// <summary>
/// How patients arrive. Poisson arrivals with intensity <see cref="Rate"/> until
/// <see cref="TargetSampleSize"/> are enrolled or, when <see cref="MaxDuration"/> is set, until
/// that many months have passed (the trial then closes short). A fraction
/// <see cref="IneligibleFraction"/> of enrolled patients is found ineligible afterwards and is
/// excluded from every analysis (it still counts as enrolled).
/// </summary>
/// <param name="Sites">The sites the rate came from, when given per site (for description only).</param>
public sealed record Accrual(
    int TargetSampleSize,
    PiecewiseRate Rate,
    double? MaxDuration,
    double IneligibleFraction,
    ImmutableArray<Site> Sites);

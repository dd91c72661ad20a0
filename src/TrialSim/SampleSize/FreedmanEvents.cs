namespace TrialSim.SampleSize;

/// <summary>
/// Events a two-arm log-rank test needs to detect a hazard ratio (Freedman's formula), and the power a
/// given number of events gives.
/// </summary>
/// <remarks>
/// Freedman L.S. (1982) "Tables of the number of patients required in clinical trials using the logrank
/// test", Statistics in Medicine 1:121-129. At each event the chance that it falls in the experimental arm
/// is k HR / (k HR + 1) rather than k / (k + 1) under H0, k = p / (1 - p) the allocation ratio
/// experimental : control with the risk sets held at that ratio; the mean of O - E per event over its null
/// standard deviation then gives
/// <code>d = (z_{1 - alpha / sided} + z_{power})^2 (1 + k HR)^2 / (k (1 - HR)^2)
///   = (z_{1 - alpha / sided} + z_{power})^2 (1 - p + p HR)^2 / (p (1 - p) (1 - HR)^2),</code>
/// for 1:1 ((1 + HR) / (1 - HR))^2 (z + z)^2, and the power at d events is
/// Phi(sqrt(d p (1 - p)) |1 - HR| / (1 - p + p HR) - z_{1 - alpha / sided}). This is rpact's
/// <c>typeOfComputation = "Freedman"</c> with allocationRatioPlanned = k. Unlike Schoenfeld's formula it is
/// not symmetric in the arms: p and HR both refer to the experimental arm. The two-sided power counts the
/// far tail and the events formula leaves it out, as in <see cref="SchoenfeldEvents"/>.
/// </remarks>
public static class FreedmanEvents
{
    /// <summary>Events needed for the given power.</summary>
    /// <inheritdoc cref="SchoenfeldEvents.Required" path="/param"/>
    /// <returns>The real-valued number of events and its ceiling.</returns>
    public static RequiredCount Required(double hazardRatio, double alpha, double power, double allocation = 0.5, int sided = 1)
    {
        SizingChecks.RequireHazardRatio(hazardRatio);
        SizingChecks.RequireErrorRates(alpha, power, sided);
        SizingChecks.RequireAllocation(allocation);
        double zSum = SizingChecks.NormalQuantile(1.0 - alpha / sided) + SizingChecks.NormalQuantile(power);
        double effect = StandardizedEffect(hazardRatio, allocation);
        return new RequiredCount(zSum * zSum / (effect * effect));
    }

    /// <summary>Power of the log-rank test after the given number of events.</summary>
    /// <inheritdoc cref="SchoenfeldEvents.Power" path="/param"/>
    public static double Power(double events, double hazardRatio, double alpha, double allocation = 0.5, int sided = 1)
    {
        SizingChecks.RequirePositiveFinite(events, nameof(events));
        SizingChecks.RequireHazardRatio(hazardRatio);
        SizingChecks.RequireAlpha(alpha, sided);
        SizingChecks.RequireAllocation(allocation);
        return SizingChecks.RejectionProbability(Math.Sqrt(events) * StandardizedEffect(hazardRatio, allocation), alpha, sided);
    }

    /// <summary>The drift per square-root event, sqrt(p (1 - p)) |1 - HR| / (1 - p + p HR).</summary>
    private static double StandardizedEffect(double hazardRatio, double allocation) =>
        Math.Sqrt(allocation * (1.0 - allocation)) * Math.Abs(1.0 - hazardRatio) / (1.0 - allocation + allocation * hazardRatio);
}

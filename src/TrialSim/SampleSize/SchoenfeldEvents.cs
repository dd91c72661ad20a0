namespace TrialSim.SampleSize;

/// <summary>
/// Events a two-arm log-rank test needs to detect a hazard ratio (Schoenfeld's formula), and the power a
/// given number of events gives.
/// </summary>
/// <remarks>
/// Schoenfeld D. (1981) "The asymptotic properties of nonparametric tests for comparing survival
/// distributions", Biometrika 68:316-319; Schoenfeld D.A. (1983) "Sample-size formula for the
/// proportional-hazards regression model", Biometrics 39:499-503. Under proportional hazards with a
/// fraction p of patients allocated to the experimental arm, the log-rank statistic after d events is
/// about N(sqrt(d p (1 - p)) |log HR|, 1), so
/// <code>d = (z_{1 - alpha / sided} + z_{power})^2 / (p (1 - p) log^2 HR)</code>
/// and the power at d events is Phi(sqrt(d p (1 - p)) |log HR| - z_{1 - alpha / sided}). The formula is
/// symmetric in p and 1 - p and depends on HR only through |log HR|. A two-sided test's power also counts
/// rejections on the wrong side, Phi(-sqrt(d p (1 - p)) |log HR| - z_{1 - alpha / 2}), as rpact's
/// getPowerSurvival does; the events formula leaves that tail out, as Schoenfeld and rpact's
/// getSampleSizeSurvival do, so the power at the required events exceeds the target by
/// Phi(-2 z_{1 - alpha / 2} - z_{power}) (about 1e-6 at alpha 0.05, power 0.8).
/// </remarks>
public static class SchoenfeldEvents
{
    /// <summary>Events needed for the given power.</summary>
    /// <param name="hazardRatio">Hazard ratio to detect, experimental over control: positive, not 1.</param>
    /// <param name="alpha">Significance level, in (0, 1); split between the tails when <paramref name="sided"/> is 2.</param>
    /// <param name="power">Power wanted at <paramref name="hazardRatio"/>, in (alpha / sided, 1).</param>
    /// <param name="allocation">p, the fraction of patients allocated to the experimental arm, in (0, 1).</param>
    /// <param name="sided">1 for a one-sided test in the direction of the hazard ratio, 2 for two-sided.</param>
    /// <returns>The real-valued number of events and its ceiling.</returns>
    public static RequiredCount Required(double hazardRatio, double alpha, double power, double allocation = 0.5, int sided = 1)
    {
        SizingChecks.RequireHazardRatio(hazardRatio);
        SizingChecks.RequireErrorRates(alpha, power, sided);
        SizingChecks.RequireAllocation(allocation);
        double zSum = SizingChecks.NormalQuantile(1.0 - alpha / sided) + SizingChecks.NormalQuantile(power);
        double logHazardRatio = Math.Log(hazardRatio);
        return new RequiredCount(zSum * zSum / (allocation * (1.0 - allocation) * logHazardRatio * logHazardRatio));
    }

    /// <summary>Power of the log-rank test after the given number of events.</summary>
    /// <param name="events">Events at the analysis, positive (need not be whole).</param>
    /// <inheritdoc cref="Required" path="/param[@name='hazardRatio' or @name='alpha' or @name='allocation' or @name='sided']"/>
    public static double Power(double events, double hazardRatio, double alpha, double allocation = 0.5, int sided = 1)
    {
        SizingChecks.RequirePositiveFinite(events, nameof(events));
        SizingChecks.RequireHazardRatio(hazardRatio);
        SizingChecks.RequireAlpha(alpha, sided);
        SizingChecks.RequireAllocation(allocation);
        double drift = Math.Sqrt(events * allocation * (1.0 - allocation)) * Math.Abs(Math.Log(hazardRatio));
        return SizingChecks.RejectionProbability(drift, alpha, sided);
    }
}

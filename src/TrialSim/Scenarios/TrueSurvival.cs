using TrialSim.Cohorts;

namespace TrialSim.Scenarios;

/// <summary>
/// The true progression-free survival of an arm under a truth, averaged over strata: the
/// estimand that bias and coverage are measured against.
/// </summary>
/// <remarks>
/// In stratum k (hazard multiplier m) without switching, S(t) = S_P(t)^m S_D(t). With stopping for
/// toxicity at X (density f_X) after which progression follows model Q from the stop:
/// S(t) = S_D(t) [S_X(t) S_P(t)^m + integral_0^t f_X(x) S_P(x)^m S_Q(t - x)^m dx], integrated by
/// Simpson's rule on 2,000 intervals (computed once per scenario point, not per trial).
/// </remarks>
public static class TrueSurvival
{
    private const int SimpsonIntervals = 2000;

    public static double ProgressionFree(TruthPoint truth, int arm, Strata strata, double time)
    {
        double total = 0;
        for (int k = 0; k < strata.Count; k++)
            total += strata.Prevalences[k] * InStratum(truth, arm, strata.HazardMultipliers[k], time);
        return total;
    }

    private static double InStratum(TruthPoint truth, int arm, double multiplier, double time)
    {
        var a = truth.Arms[arm];
        double death = a.Death?.Survival(time) ?? 1.0;
        if (time <= 0) return 1.0;
        double progression = Math.Pow(a.Progression.Survival(time), multiplier);
        if (a.Switch is null) return death * progression;
        var stop = a.Switch.TimeToStop;
        var after = truth.Arms[a.Switch.ToArm].Progression;
        double Integrand(double x) =>
            stop.Hazard(x) * stop.Survival(x) * Math.Pow(a.Progression.Survival(x), multiplier) * Math.Pow(after.Survival(time - x), multiplier);
        double h = time / SimpsonIntervals, sum = Integrand(0) + Integrand(time);
        for (int i = 1; i < SimpsonIntervals; i++) sum += (i % 2 == 1 ? 4 : 2) * Integrand(i * h);
        return death * (stop.Survival(time) * progression + sum * h / 3);
    }

    /// <summary>Restricted mean PFS up to <paramref name="horizon"/> months (Simpson's rule on the true curve).</summary>
    public static double RestrictedMean(TruthPoint truth, int arm, Strata strata, double horizon)
    {
        const int intervals = 400;
        double h = horizon / intervals, sum = ProgressionFree(truth, arm, strata, 0) + ProgressionFree(truth, arm, strata, horizon);
        for (int i = 1; i < intervals; i++) sum += (i % 2 == 1 ? 4 : 2) * ProgressionFree(truth, arm, strata, i * h);
        return sum * h / 3;
    }

    /// <summary>
    /// The arm's PFS hazard when it is constant (exponential progression and death, no switching),
    /// else null. Stratum multipliers scale both arms alike, so a ratio of these is the hazard
    /// ratio within every stratum.
    /// </summary>
    public static double? ConstantHazard(TruthPoint truth, int arm)
    {
        var a = truth.Arms[arm];
        if (a.Switch is not null || !a.Progression.IsExponential || (a.Death is not null && !a.Death.IsExponential)) return null;
        return a.Progression.Hazard(1) + (a.Death?.Hazard(1) ?? 0);
    }
}

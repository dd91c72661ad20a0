using System.Collections.Immutable;
using MathNet.Numerics.Distributions;

namespace TrialSim.Decisions;

/// <summary>
/// When to stop for futility at an interim look. Binding rules enter the efficacy boundary
/// computation (the trial is assumed to stop when they are crossed); non-binding rules do not,
/// so the efficacy boundaries keep alpha whether or not the trial obeys them.
/// </summary>
public abstract record FutilityRule(bool Binding);

/// <summary>Beta-spending futility bounds (Pampallona-Tsiatis / rpact style): the lower bounds spend the
/// type II error beta under the design alternative, whose drift is the expected z at full information.</summary>
/// <remarks>
/// a_k solves P_theta(continue to k, Z_k &lt;= a_k) = beta(t_k) - beta(t_{k-1}) with theta =
/// <paramref name="DesignDrift"/> (Pampallona &amp; Tsiatis 1994, J Stat Plan Inference 42:19-35; rpact's
/// typeBetaSpending). The drift that makes the final futility bound meet the final efficacy bound, as
/// rpact's design does, comes from <see cref="GroupSequentialBoundaries.BetaSpendingDesignDrift"/>.
/// </remarks>
public sealed record BetaSpendingFutility(SpendingFunction Function, double Beta, double DesignDrift, bool Binding) : FutilityRule(Binding);

/// <summary>Stop for futility when z at interim look k is below Z[k] (one value per interim look).</summary>
public sealed record FixedZFutility(ImmutableArray<double> Z, bool Binding) : FutilityRule(Binding)
{
    public bool Equals(FixedZFutility? other) => other is not null && Binding == other.Binding && Z.SequenceEqual(other.Z);
    public override int GetHashCode() => Z.Length;
}

/// <summary>Stop for futility when the estimated hazard ratio (experimental / control) exceeds <paramref name="MaxHazardRatio"/>.</summary>
/// <remarks>Not a z bound by itself: the z equivalent depends on the look's information, see
/// <see cref="HazardRatioToZ"/>. <see cref="GroupSequentialBoundaries.Compute"/> accepts it only as non-binding.</remarks>
public sealed record HazardRatioFutility(double MaxHazardRatio, bool Binding) : FutilityRule(Binding)
{
    /// <summary>
    /// The z at which the estimated hazard ratio equals <paramref name="maxHazardRatio"/>:
    /// z = -log(HR) sqrt(information), larger z = benefit. Stop for futility when Z &lt;= this z.
    /// </summary>
    /// <param name="maxHazardRatio">The hazard ratio (experimental / control) above which to stop, &gt; 0.</param>
    /// <param name="information">The Fisher information for log(HR) at the look, &gt; 0: for the log-rank
    /// test with 1:1 allocation about events / 4 (Schoenfeld 1981), events r (1 - r) with allocation r.</param>
    /// <remarks>The log-rank z is approximately log(HR-hat) sqrt(information) with the sign flipped so
    /// that benefit is positive (Jennison &amp; Turnbull 2000, section 3.7).</remarks>
    public static double HazardRatioToZ(double maxHazardRatio, double information)
    {
        if (!(maxHazardRatio > 0) || double.IsPositiveInfinity(maxHazardRatio))
            throw new ArgumentOutOfRangeException(nameof(maxHazardRatio), maxHazardRatio, "the hazard ratio must be a finite number greater than 0");
        if (!(information > 0) || double.IsPositiveInfinity(information))
            throw new ArgumentOutOfRangeException(nameof(information), information, "the information must be a finite number greater than 0");
        return -Math.Log(maxHazardRatio) * Math.Sqrt(information);
    }
}

/// <summary>Stop for futility when conditional power under the current trend falls below <paramref name="MinConditionalPower"/>.</summary>
/// <remarks>
/// In the B-value formulation (Lan &amp; Wittes 1988, Biometrics 44:579-585; Jennison &amp; Turnbull 2000,
/// section 10.2) B(t) = Z_k sqrt(t) and B(1) - B(t) ~ N(theta (1 - t), 1 - t), so given Z_k = z the
/// probability of Z_K &gt;= b_K is <see cref="ConditionalPower"/>. Under the current trend theta = z / sqrt(t).
/// <see cref="GroupSequentialBoundaries.Compute"/> accepts the rule only as non-binding; <see cref="ZBound"/>
/// converts it to a z bound for a <see cref="FixedZFutility"/>.
/// </remarks>
public sealed record ConditionalPowerFutility(double MinConditionalPower, bool Binding) : FutilityRule(Binding)
{
    /// <summary>
    /// Conditional power P_theta(Z_K &gt;= b_K | Z_k = z) = 1 - Phi((b_K - z sqrt(t) - theta (1 - t)) / sqrt(1 - t)),
    /// ignoring any looks between k and K.
    /// </summary>
    /// <param name="z">The z statistic at the look.</param>
    /// <param name="informationFraction">t, the look's information over the final look's, in (0, 1]; at 1 the result is 1 when z &gt;= b_K, else 0.</param>
    /// <param name="finalBoundary">b_K, the final efficacy boundary.</param>
    /// <param name="drift">theta, the mean of Z at the final look; <see cref="CurrentTrendDrift"/> for the current trend.</param>
    public static double ConditionalPower(double z, double informationFraction, double finalBoundary, double drift)
    {
        CheckFinite(z, nameof(z));
        CheckFraction(informationFraction);
        if (double.IsNaN(finalBoundary)) throw new ArgumentOutOfRangeException(nameof(finalBoundary), finalBoundary, "the final boundary must not be NaN");
        CheckFinite(drift, nameof(drift));
        double t = informationFraction;
        if (t == 1.0) return z >= finalBoundary ? 1.0 : 0.0;
        // Phi(-x) rather than 1 - Phi(x): keeps precision in the far tail.
        return Normal.CDF(0.0, 1.0, -(finalBoundary - z * Math.Sqrt(t) - drift * (1.0 - t)) / Math.Sqrt(1.0 - t));
    }

    /// <summary>The current-trend drift z / sqrt(t): theta estimated from the look's own data.</summary>
    public static double CurrentTrendDrift(double z, double informationFraction)
    {
        CheckFinite(z, nameof(z));
        CheckFraction(informationFraction);
        return z / Math.Sqrt(informationFraction);
    }

    /// <summary>
    /// The z below which conditional power under the current trend is below <paramref name="minConditionalPower"/>:
    /// sqrt(t) (b_K - sqrt(1 - t) z_{1 - c}), since under the current trend the conditional power is
    /// 1 - Phi((b_K - z / sqrt(t)) / sqrt(1 - t)).
    /// </summary>
    /// <param name="minConditionalPower">c, in (0, 1).</param>
    /// <param name="informationFraction">t, in (0, 1).</param>
    /// <param name="finalBoundary">b_K, finite.</param>
    public static double ZBound(double minConditionalPower, double informationFraction, double finalBoundary)
    {
        if (!(minConditionalPower > 0 && minConditionalPower < 1))
            throw new ArgumentOutOfRangeException(nameof(minConditionalPower), minConditionalPower, "the minimum conditional power must lie strictly between 0 and 1");
        if (!(informationFraction > 0 && informationFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(informationFraction), informationFraction, "an interim information fraction must lie strictly between 0 and 1");
        CheckFinite(finalBoundary, nameof(finalBoundary));
        double t = informationFraction;
        return Math.Sqrt(t) * (finalBoundary - Math.Sqrt(1.0 - t) * Normal.InvCDF(0.0, 1.0, 1.0 - minConditionalPower));
    }

    private static void CheckFinite(double value, string name)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number");
    }

    private static void CheckFraction(double t)
    {
        if (!(t > 0 && t <= 1)) throw new ArgumentOutOfRangeException("informationFraction", t, "the information fraction must lie in (0, 1]");
    }
}

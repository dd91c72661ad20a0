using System.Globalization;
using MathNet.Numerics.Distributions;

namespace TrialSim.Decisions;

/// <summary>
/// One-sided group-sequential boundaries on the z scale (larger z = benefit) and their crossing
/// probabilities, by recursive numerical integration over the canonical joint distribution.
/// Pure, allocation-free, for at most <see cref="MaxLooks"/> looks.
/// </summary>
/// <remarks>
/// Canonical joint distribution (Jennison &amp; Turnbull 2000, "Group Sequential Methods with
/// Applications to Clinical Trials", section 3.1 and chapter 19): Z_1, ..., Z_K jointly normal with
/// Cov(Z_j, Z_k) = sqrt(t_j / t_k) for j &lt;= k and E(Z_k) = theta sqrt(t_k), where t_k is the
/// information at look k as a fraction of the final look's information (t_K = 1) and theta, the
/// drift, is the mean of Z at the final look. Boundaries follow the error-spending approach of
/// Lan &amp; DeMets (1983), Biometrika 70:659-663: b_k solves
/// P_0(no crossing before k, Z_k &gt;= b_k) = alpha(s_k) - alpha(s_{k-1}) at spending fractions s_k.
/// Futility by beta spending follows Pampallona &amp; Tsiatis (1994) and rpact
/// (getDesignGroupSequential with typeBetaSpending). The integration is J&amp;T chapter 19 with
/// Simpson's rule (see <c>GroupSequentialIntegration</c>); boundaries agree with rpact 3.3 to about 1e-6.
/// </remarks>
public static class GroupSequentialBoundaries
{
    /// <summary>The most looks the stack buffers are sized for.</summary>
    public const int MaxLooks = 10;

    /// <summary>
    /// Computes the efficacy boundaries b_k and futility boundaries a_k (z scale) for K looks, writing
    /// them into <paramref name="efficacyZ"/> and <paramref name="futilityZ"/> (both of length K).
    /// </summary>
    /// <param name="spendingFractions">Where each look evaluates the spending functions, in (0, 1] and
    /// non-decreasing (equal values spend nothing at the later look). The engine passes
    /// min(observed / planned information, 1) at interims and 1 at the final look, which spends all
    /// the remaining error.</param>
    /// <param name="informationFractions">Each look's information over the final look's actual
    /// information: strictly increasing in (0, 1], the last exactly 1. They set the correlations.</param>
    /// <param name="alpha">One-sided type I error, in (0, 0.5).</param>
    /// <param name="efficacy">How the efficacy boundary is set.</param>
    /// <param name="futility">The futility rule, or null for none.</param>
    /// <param name="efficacyZ">Receives b_1..b_K. Reject H0 at look k when Z_k &gt;= b_k. +infinity
    /// where no alpha is spent at a look; -infinity (reject whatever reaches the look) in the degenerate
    /// case where the alpha to spend is at least the probability of reaching it.</param>
    /// <param name="futilityZ">Receives a_1..a_K: stop for futility at interim k when Z_k &lt;= a_k
    /// (a_k &lt;= b_k; -infinity where the rule gives no z bound). The last entry is always b_K: a
    /// trial that reaches the final look and does not reject ends without success (rpact's convention
    /// for beta spending), so <see cref="CrossingProbabilities"/> on these spans sums to 1.</param>
    /// <returns>The look count and the error rates the boundaries achieve.</returns>
    /// <remarks>
    /// <list type="bullet">
    /// <item><see cref="SpendingEfficacyBoundary"/>: b_k solves
    /// P_0(continue to k, Z_k &gt;= b_k) = alpha(s_k) - alpha(s_{k-1}) by safeguarded Newton steps.</item>
    /// <item><see cref="HaybittlePetoBoundary"/>: b_k = InterimZ at interims; b_K solves
    /// P_0(continue to K, Z_K &gt;= b_K) = alpha - (alpha spent by the interims), as rpact's "HP".</item>
    /// <item><see cref="FixedEfficacyBoundary"/>: the given z, one per look.</item>
    /// <item><see cref="FixedZFutility"/>: the given z, one per interim.</item>
    /// <item><see cref="BetaSpendingFutility"/>: a_k solves P_theta(continue to k, Z_k &lt;= a_k) =
    /// beta(s_k) - beta(s_{k-1}) under its DesignDrift theta, continuing meaning a_j &lt; Z_j &lt; b_j
    /// at every earlier look; a_k is capped at b_k. At the final look a_K = b_K: with rpact's design
    /// drift (<see cref="BetaSpendingDesignDrift"/>) the beta spent at K lands exactly there; with
    /// another drift it would not, and <see cref="BoundarySet.TypeTwoError"/> shows the difference.
    /// rpact's betaAdjustment (reshaping beta spending when a_k would exceed b_k) is not reproduced.</item>
    /// <item><see cref="HazardRatioFutility"/> and <see cref="ConditionalPowerFutility"/> are not z
    /// bounds here (a_k = -infinity); the engine applies them through
    /// <see cref="HazardRatioFutility.HazardRatioToZ"/> and <see cref="ConditionalPowerFutility.ConditionalPower"/>.
    /// They must be non-binding: convert them to a <see cref="FixedZFutility"/> to make them binding.</item>
    /// </list>
    /// Binding futility rules count as stops in the efficacy computation; non-binding ones are ignored
    /// there (rpact's bindingFutility = FALSE), so alpha holds whether or not the trial obeys them.
    /// </remarks>
    /// <exception cref="ArgumentException">Bad lengths, fractions, levels or rule parameters; the message names them.</exception>
    public static BoundarySet Compute(ReadOnlySpan<double> spendingFractions, ReadOnlySpan<double> informationFractions,
        double alpha, EfficacyBoundary efficacy, FutilityRule? futility, Span<double> efficacyZ, Span<double> futilityZ)
    {
        int looks = CheckInformationFractions(informationFractions, nameof(informationFractions));
        CheckSpendingFractions(spendingFractions, looks);
        SpendingFunctions.CheckLevel(alpha, nameof(alpha));
        CheckEfficacy(efficacy, looks);
        CheckFutility(futility, looks);
        CheckLength(efficacyZ.Length, looks, nameof(efficacyZ));
        CheckLength(futilityZ.Length, looks, nameof(futilityZ));
        return ComputeChecked(spendingFractions, informationFractions, alpha, efficacy, futility, efficacyZ, futilityZ);
    }

    /// <summary>
    /// The probability of stopping at each look: <paramref name="efficacyExit"/>[k] =
    /// P_theta(a_j &lt; Z_j &lt; b_j for j &lt; k, Z_k &gt;= b_k) and <paramref name="futilityExit"/>[k] =
    /// P_theta(a_j &lt; Z_j &lt; b_j for j &lt; k, Z_k &lt;= a_k), by the same integration as <see cref="Compute"/>.
    /// </summary>
    /// <param name="informationFractions">Strictly increasing in (0, 1], the last exactly 1.</param>
    /// <param name="efficacyZ">b_1..b_K (+infinity allowed).</param>
    /// <param name="futilityZ">a_1..a_K with a_k &lt;= b_k (-infinity allowed), or empty for no futility
    /// stops. With a_K = b_K, as <see cref="Compute"/> writes, all exits sum to 1.</param>
    /// <param name="drift">theta, the mean of Z at the final look (0 under H0).</param>
    /// <param name="efficacyExit">Receives the K efficacy exit probabilities; their sum is the power
    /// (the type I error when theta = 0).</param>
    /// <param name="futilityExit">Receives the K futility exit probabilities (all 0 when futilityZ is empty).</param>
    /// <remarks>Jennison &amp; Turnbull (2000), chapter 19. rpact's getDesignCharacteristics and
    /// getPowerAndAverageSampleNumber report the same quantities (drift = sqrt(shift), or theta sqrt(nMax)).</remarks>
    public static void CrossingProbabilities(ReadOnlySpan<double> informationFractions, ReadOnlySpan<double> efficacyZ,
        ReadOnlySpan<double> futilityZ, double drift, Span<double> efficacyExit, Span<double> futilityExit)
    {
        int looks = CheckInformationFractions(informationFractions, nameof(informationFractions));
        CheckLength(efficacyZ.Length, looks, nameof(efficacyZ));
        if (!futilityZ.IsEmpty) CheckLength(futilityZ.Length, looks, nameof(futilityZ));
        CheckLength(efficacyExit.Length, looks, nameof(efficacyExit));
        CheckLength(futilityExit.Length, looks, nameof(futilityExit));
        if (!double.IsFinite(drift)) throw new ArgumentOutOfRangeException(nameof(drift), drift, "the drift must be a finite number");
        for (int k = 0; k < looks; k++)
        {
            if (double.IsNaN(efficacyZ[k])) throw new ArgumentException($"efficacyZ[{k}] is NaN", nameof(efficacyZ));
            if (futilityZ.IsEmpty) continue;
            if (double.IsNaN(futilityZ[k])) throw new ArgumentException($"futilityZ[{k}] is NaN", nameof(futilityZ));
            if (futilityZ[k] > efficacyZ[k])
                throw new ArgumentException(Invariant($"futilityZ[{k}] = {futilityZ[k]} exceeds efficacyZ[{k}] = {efficacyZ[k]}; a futility bound must not exceed the efficacy bound"), nameof(futilityZ));
        }

        Span<double> z0 = stackalloc double[GroupSequentialIntegration.MaxGridPoints];
        Span<double> h0 = stackalloc double[GroupSequentialIntegration.MaxGridPoints];
        Span<double> z1 = stackalloc double[GroupSequentialIntegration.MaxGridPoints];
        Span<double> h1 = stackalloc double[GroupSequentialIntegration.MaxGridPoints];
        Span<double> c = stackalloc double[GroupSequentialIntegration.MaxGridPoints];
        var current = new LookDensity(z0, h0);
        var next = new LookDensity(z1, h1);
        GroupSequentialIntegration.Start(ref current, drift);
        for (int k = 0; k < looks; k++)
        {
            double t = informationFractions[k];
            double q = GroupSequentialIntegration.Transition(current, t, c);
            ReadOnlySpan<double> h = current.H[..current.Count];
            ReadOnlySpan<double> cc = c[..current.Count];
            double lower = futilityZ.IsEmpty ? double.NegativeInfinity : futilityZ[k];
            efficacyExit[k] = GroupSequentialIntegration.UpperTail(h, cc, q, efficacyZ[k]);
            futilityExit[k] = GroupSequentialIntegration.LowerTail(h, cc, q, lower);
            if (k == looks - 1) break;
            GroupSequentialIntegration.Advance(current, c, q, t, lower, efficacyZ[k], ref next);
            var swap = current; current = next; next = swap;
        }
    }

    /// <summary>
    /// The drift theta (mean of Z at the final look) at which a design with beta-spending futility has
    /// power exactly 1 - beta(s_K), i.e. at which the beta spent at the final look puts a_K on b_K:
    /// rpact's sqrt(shift) from getDesignCharacteristics. Pass it as <see cref="BetaSpendingFutility.DesignDrift"/>.
    /// </summary>
    /// <remarks>
    /// The fixed-sample drift is z_{1-alpha} + z_{1-beta}; the group-sequential one is larger by the
    /// square root of rpact's inflation factor. Found by bracketing and regula falsi (Illinois) on
    /// TypeTwoError(theta) - beta(s_K), which decreases in theta; each step is one <see cref="Compute"/>.
    /// A planning-time helper: it allocates one small record per step.
    /// </remarks>
    public static double BetaSpendingDesignDrift(ReadOnlySpan<double> spendingFractions, ReadOnlySpan<double> informationFractions,
        double alpha, EfficacyBoundary efficacy, SpendingFunction betaSpending, double beta, bool binding)
    {
        ArgumentNullException.ThrowIfNull(betaSpending);
        SpendingFunctions.CheckLevel(beta, nameof(beta));
        int looks = CheckInformationFractions(informationFractions, nameof(informationFractions));
        CheckSpendingFractions(spendingFractions, looks);
        SpendingFunctions.CheckLevel(alpha, nameof(alpha));
        CheckEfficacy(efficacy, looks);
        double target = betaSpending.Spend(beta, spendingFractions[looks - 1]);

        Span<double> efficacyZ = stackalloc double[looks];
        Span<double> futilityZ = stackalloc double[looks];
        double Excess(double drift, ReadOnlySpan<double> spending, ReadOnlySpan<double> information, Span<double> b, Span<double> a) =>
            ComputeChecked(spending, information, alpha, efficacy, new BetaSpendingFutility(betaSpending, beta, drift, binding), b, a).TypeTwoError - target;

        double low = Normal.InvCDF(0.0, 1.0, 1.0 - alpha) + Normal.InvCDF(0.0, 1.0, 1.0 - beta);
        double lowValue = Excess(low, spendingFractions, informationFractions, efficacyZ, futilityZ);
        double high = low, highValue = lowValue;
        // Group-sequential designs need at least the fixed-sample drift; step up (or down) to bracket the root.
        for (int step = 0; step < 60 && (lowValue > 0) == (highValue > 0); step++)
        {
            if (lowValue > 0) { low = high; lowValue = highValue; high += 0.5; highValue = Excess(high, spendingFractions, informationFractions, efficacyZ, futilityZ); }
            else { high = low; highValue = lowValue; low -= 0.5; lowValue = Excess(low, spendingFractions, informationFractions, efficacyZ, futilityZ); }
        }
        if ((lowValue > 0) == (highValue > 0))
            throw new ArgumentException("no drift gives the design power 1 - beta; check the spending functions and levels");
        int side = 0;
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double drift = (low * highValue - high * lowValue) / (highValue - lowValue);
            double value = Excess(drift, spendingFractions, informationFractions, efficacyZ, futilityZ);
            if (Math.Abs(value) < 1e-13 || high - low < 1e-12) return drift;
            // Illinois: halve the stale end's value so the bracket shrinks from both sides.
            if ((value > 0) == (lowValue > 0)) { low = drift; lowValue = value; if (side == -1) highValue *= 0.5; side = -1; }
            else { high = drift; highValue = value; if (side == 1) lowValue *= 0.5; side = 1; }
        }
        return 0.5 * (low + high);
    }

    private static BoundarySet ComputeChecked(ReadOnlySpan<double> spendingFractions, ReadOnlySpan<double> informationFractions,
        double alpha, EfficacyBoundary efficacy, FutilityRule? futility, Span<double> efficacyZ, Span<double> futilityZ)
    {
        int looks = informationFractions.Length;
        var betaSpending = futility as BetaSpendingFutility;
        bool binding = futility is { Binding: true };

        // The null track carries P_0 for the efficacy bounds; with beta spending an alternative track
        // carries P_theta for the futility bounds on its own grid (centred on its own mean).
        Span<double> nullZ0 = stackalloc double[GroupSequentialIntegration.MaxGridPoints];
        Span<double> nullH0 = stackalloc double[GroupSequentialIntegration.MaxGridPoints];
        Span<double> nullZ1 = stackalloc double[GroupSequentialIntegration.MaxGridPoints];
        Span<double> nullH1 = stackalloc double[GroupSequentialIntegration.MaxGridPoints];
        Span<double> nullC = stackalloc double[GroupSequentialIntegration.MaxGridPoints];
        var nullCurrent = new LookDensity(nullZ0, nullH0);
        var nullNext = new LookDensity(nullZ1, nullH1);
        GroupSequentialIntegration.Start(ref nullCurrent, 0.0);

        int alternativeSize = betaSpending is null ? 0 : GroupSequentialIntegration.MaxGridPoints;
        Span<double> altZ0 = stackalloc double[alternativeSize];
        Span<double> altH0 = stackalloc double[alternativeSize];
        Span<double> altZ1 = stackalloc double[alternativeSize];
        Span<double> altH1 = stackalloc double[alternativeSize];
        Span<double> altC = stackalloc double[alternativeSize];
        var altCurrent = new LookDensity(altZ0, altH0);
        var altNext = new LookDensity(altZ1, altH1);
        if (betaSpending is not null) GroupSequentialIntegration.Start(ref altCurrent, betaSpending.DesignDrift);

        double alphaSpentBefore = 0.0, betaSpentBefore = 0.0;
        double typeOneError = 0.0, typeTwoError = betaSpending is null ? double.NaN : 0.0;
        for (int k = 0; k < looks; k++)
        {
            double t = informationFractions[k];
            bool final = k == looks - 1;

            double nullQ = GroupSequentialIntegration.Transition(nullCurrent, t, nullC);
            ReadOnlySpan<double> nullH = nullCurrent.H[..nullCurrent.Count];
            ReadOnlySpan<double> nullCc = nullC[..nullCurrent.Count];

            double upper;
            switch (efficacy)
            {
                case SpendingEfficacyBoundary spending:
                {
                    double spent = spending.Function.Spend(alpha, spendingFractions[k]);
                    upper = UpperBound(nullH, nullCc, nullQ, spent - alphaSpentBefore, nullCurrent.Mass(), 0.0, out double exit);
                    alphaSpentBefore = Math.Max(alphaSpentBefore, spent);
                    typeOneError += exit;
                    break;
                }
                case HaybittlePetoBoundary haybittlePeto when !final:
                    upper = haybittlePeto.InterimZ;
                    typeOneError += GroupSequentialIntegration.UpperTail(nullH, nullCc, nullQ, upper);
                    break;
                case HaybittlePetoBoundary haybittlePeto:
                {
                    double remaining = alpha - typeOneError;
                    if (!(remaining > 0))
                        throw new ArgumentException(Invariant($"Haybittle-Peto interim boundary {haybittlePeto.InterimZ} spends {typeOneError} before the final look, leaving no part of alpha = {alpha}"), nameof(efficacy));
                    upper = UpperBound(nullH, nullCc, nullQ, remaining, nullCurrent.Mass(), 0.0, out double exit);
                    typeOneError += exit;
                    break;
                }
                case FixedEfficacyBoundary fixedBoundary:
                    upper = fixedBoundary.Z[k];
                    typeOneError += GroupSequentialIntegration.UpperTail(nullH, nullCc, nullQ, upper);
                    break;
                default:
                    throw new ArgumentException($"unknown efficacy boundary {efficacy.GetType().Name}", nameof(efficacy));
            }
            efficacyZ[k] = upper;

            double lower = double.NegativeInfinity;
            double altQ = 0.0;
            if (final)
            {
                lower = upper;
                if (betaSpending is not null)
                {
                    altQ = GroupSequentialIntegration.Transition(altCurrent, t, altC);
                    typeTwoError += GroupSequentialIntegration.LowerTail(altCurrent.H[..altCurrent.Count], altC[..altCurrent.Count], altQ, upper);
                }
            }
            else if (futility is FixedZFutility fixedFutility)
            {
                lower = Math.Min(fixedFutility.Z[k], upper);
            }
            else if (betaSpending is not null)
            {
                altQ = GroupSequentialIntegration.Transition(altCurrent, t, altC);
                ReadOnlySpan<double> altH = altCurrent.H[..altCurrent.Count];
                Span<double> altCc = altC[..altCurrent.Count];
                double spent = betaSpending.Function.Spend(betaSpending.Beta, spendingFractions[k]);
                double mean = betaSpending.DesignDrift * Math.Sqrt(t);
                lower = Math.Min(LowerBound(altH, altCc, altQ, spent - betaSpentBefore, altCurrent.Mass(), mean), upper);
                betaSpentBefore = Math.Max(betaSpentBefore, spent);
                typeTwoError += GroupSequentialIntegration.LowerTail(altH, altCc, altQ, lower);
            }
            futilityZ[k] = lower;
            if (final) break;

            GroupSequentialIntegration.Advance(nullCurrent, nullC, nullQ, t, binding ? lower : double.NegativeInfinity, upper, ref nullNext);
            var swap = nullCurrent; nullCurrent = nullNext; nullNext = swap;
            if (betaSpending is not null)
            {
                GroupSequentialIntegration.Advance(altCurrent, altC, altQ, t, lower, upper, ref altNext);
                var altSwap = altCurrent; altCurrent = altNext; altNext = altSwap;
            }
        }
        return new BoundarySet(looks, typeOneError, typeTwoError);
    }

    /// <summary>The upper bound spending <paramref name="target"/> from the sub-density, and the exit probability it achieves.</summary>
    private static double UpperBound(ReadOnlySpan<double> h, ReadOnlySpan<double> c, double q, double target, double mass, double mean, out double exit)
    {
        // Nothing to spend: no rejection at this look. Everything or more to spend: reject all that reach it.
        if (!(target > 0)) { exit = 0.0; return double.PositiveInfinity; }
        if (target >= mass) { exit = mass; return double.NegativeInfinity; }
        // Start from the marginal quantile of Z_k given the mass still in play.
        double guess = mean - GroupSequentialIntegration.NormalQuantile(target / mass);
        exit = target;
        return GroupSequentialIntegration.SolveUpper(h, c, q, target, guess);
    }

    /// <summary>The lower bound spending <paramref name="target"/> from the sub-density (+infinity when it cannot be spent: the caller caps it).</summary>
    private static double LowerBound(ReadOnlySpan<double> h, Span<double> c, double q, double target, double mass, double mean)
    {
        if (!(target > 0)) return double.NegativeInfinity;
        if (target >= mass) return double.PositiveInfinity;
        double guess = mean + GroupSequentialIntegration.NormalQuantile(target / mass);
        return GroupSequentialIntegration.SolveLower(h, c, q, target, guess);
    }

    private static int CheckInformationFractions(ReadOnlySpan<double> fractions, string name)
    {
        if (fractions.Length < 1 || fractions.Length > MaxLooks)
            throw new ArgumentException($"{name} must hold between 1 and {MaxLooks} looks (got {fractions.Length})", name);
        double previous = 0.0;
        for (int k = 0; k < fractions.Length; k++)
        {
            double t = fractions[k];
            if (!(t > previous && t <= 1))
                throw new ArgumentException(Invariant($"{name} must be strictly increasing in (0, 1]; {name}[{k}] = {t} after {previous}"), name);
            previous = t;
        }
        if (previous != 1.0)
            throw new ArgumentException(Invariant($"{name} are relative to the final look, so the last must be 1 (got {previous})"), name);
        return fractions.Length;
    }

    private static void CheckSpendingFractions(ReadOnlySpan<double> fractions, int looks)
    {
        const string name = "spendingFractions";
        CheckLength(fractions.Length, looks, name);
        double previous = 0.0;
        for (int k = 0; k < looks; k++)
        {
            double s = fractions[k];
            if (!(s > 0 && s <= 1 && s >= previous))
                throw new ArgumentException(Invariant($"{name} must be non-decreasing in (0, 1]; {name}[{k}] = {s} after {previous}"), name);
            previous = s;
        }
    }

    private static void CheckEfficacy(EfficacyBoundary efficacy, int looks)
    {
        const string name = "efficacy";
        switch (efficacy)
        {
            case null:
                throw new ArgumentNullException(name);
            case SpendingEfficacyBoundary spending:
                if (spending.Function is null) throw new ArgumentException("the spending efficacy boundary needs a spending function", name);
                break;
            case HaybittlePetoBoundary haybittlePeto:
                if (!double.IsFinite(haybittlePeto.InterimZ))
                    throw new ArgumentException(Invariant($"the Haybittle-Peto interim z must be finite (got {haybittlePeto.InterimZ})"), name);
                break;
            case FixedEfficacyBoundary fixedBoundary:
                if (fixedBoundary.Z.IsDefault || fixedBoundary.Z.Length != looks)
                    throw new ArgumentException($"fixed efficacy boundaries need one z per look ({looks}), got {(fixedBoundary.Z.IsDefault ? 0 : fixedBoundary.Z.Length)}", name);
                foreach (double z in fixedBoundary.Z)
                    if (double.IsNaN(z)) throw new ArgumentException("fixed efficacy boundaries must not be NaN", name);
                break;
        }
    }

    private static void CheckFutility(FutilityRule? futility, int looks)
    {
        const string name = "futility";
        switch (futility)
        {
            case null:
                break;
            case FixedZFutility fixedFutility:
                if (fixedFutility.Z.IsDefault || fixedFutility.Z.Length != looks - 1)
                    throw new ArgumentException($"fixed futility boundaries need one z per interim look ({looks - 1}), got {(fixedFutility.Z.IsDefault ? 0 : fixedFutility.Z.Length)}", name);
                foreach (double z in fixedFutility.Z)
                    if (double.IsNaN(z)) throw new ArgumentException("fixed futility boundaries must not be NaN", name);
                break;
            case BetaSpendingFutility betaSpending:
                if (betaSpending.Function is null) throw new ArgumentException("beta-spending futility needs a spending function", name);
                SpendingFunctions.CheckLevel(betaSpending.Beta, "Beta");
                if (!double.IsFinite(betaSpending.DesignDrift))
                    throw new ArgumentException(Invariant($"the design drift must be finite (got {betaSpending.DesignDrift})"), name);
                break;
            case HazardRatioFutility or ConditionalPowerFutility when futility.Binding:
                throw new ArgumentException($"a binding {futility.GetType().Name} has no z bound here; convert it to a FixedZFutility (HazardRatioFutility.HazardRatioToZ, ConditionalPowerFutility.ZBound) to make it binding", name);
        }
    }

    private static void CheckLength(int length, int looks, string name)
    {
        if (length != looks) throw new ArgumentException($"{name} must have one entry per look ({looks}), got {length}", name);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

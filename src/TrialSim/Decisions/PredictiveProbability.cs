using MathNet.Numerics;
using TrialSim.Analyses;

namespace TrialSim.Decisions;

/// <summary>
/// Bayesian predictive probability that a trial ends in success at its final analysis, given the data so
/// far: the chance, averaged over the beta-binomial predictive distribution of the patients still to come,
/// that the final posterior probability clears its threshold.
/// </summary>
/// <remarks>
/// Lee J.J., Liu D.D. (2008) "A predictive probability design for phase II cancer clinical trials",
/// Clinical Trials 5:93-106. With a Beta(a, b) prior and x responses among n patients, the posterior is
/// Beta(a + x, b + n - x) (<see cref="BetaBinomialPosterior.FromPrior"/>) and the number Y of responses among
/// the m = N - n patients still to come is beta-binomial, P(Y = y) = C(m, y) B(a + x + y, b + n - x + m - y)
/// / B(a + x, b + n - x), evaluated in logs (SpecialFunctions.BetaLn). The predictive probability is
/// PP = sum over y = 0 .. m of P(Y = y) 1[final posterior probability &gt; theta].
/// <para>Both rules are monotone in the future counts (a Beta posterior with one more success is
/// stochastically larger), so the successful outcomes form an upper set and the sums stop at its edge:
/// at most m + 1 posterior probabilities for one arm, and at most mE + mC + 2 (not (mE + 1)(mC + 1)) for two.</para>
/// </remarks>
public static class PredictiveProbability
{
    /// <summary>P(p_E &gt; p_C - margin | all data at the final analysis) when
    /// <paramref name="experimentalFutureSuccesses"/> of the experimental arm's and
    /// <paramref name="controlFutureSuccesses"/> of the control arm's remaining patients are successes.</summary>
    /// <remarks>The caller keys its memo by the final counts (successes so far plus future successes, and
    /// patients so far plus remaining), the same key as <see cref="PosteriorProbabilityCache"/>.</remarks>
    public delegate double FinalPosteriorProbability(int experimentalFutureSuccesses, int controlFutureSuccesses);

    /// <summary>Single arm: PP = sum over y of P(Y = y) 1[P(p &gt; p0 | final data) &gt; theta].</summary>
    /// <param name="current">Posterior now, Beta(a + x, b + n - x); from <see cref="BetaBinomialPosterior.FromPrior"/>.</param>
    /// <param name="remaining">m = N - n, patients still to be evaluated; at least 0.</param>
    /// <param name="nullRate">p0, in (0, 1).</param>
    /// <param name="threshold">theta_T, in (0, 1); success is a final posterior probability strictly above it.</param>
    /// <returns>The predictive probability of success, in [0, 1].</returns>
    /// <remarks>P(p &gt; p0 | final) = 1 - I_p0(A + y, B + m - y), computed as I_(1 - p0)(B + m - y, A + y)
    /// so a probability near 1 keeps its digits. At most m + 1 incomplete beta functions; nothing allocates.</remarks>
    public static double SingleArm(BetaBinomialPosterior current, int remaining, double nullRate, double threshold)
    {
        RequirePosterior(current, nameof(current));
        RequireRemaining(remaining, nameof(remaining));
        SpecChecks.RequireOpenUnit(nullRate, nameof(nullRate));
        SpecChecks.RequireOpenUnit(threshold, nameof(threshold));

        double sum = 0.0;
        // From the most future responses down: once the final posterior misses the threshold it misses it for
        // every smaller y too.
        for (int y = remaining; y >= 0; y--)
        {
            double finalProbability = SpecialFunctions.BetaRegularized(current.B + remaining - y, current.A + y, 1.0 - nullRate);
            if (!(finalProbability > threshold)) break;
            sum += BetaBinomialProbability(y, remaining, current.A, current.B);
        }
        return Math.Clamp(sum, 0.0, 1.0);
    }

    /// <summary>Two arms: PP = sum over yE, yC of P(YE = yE) P(YC = yC) 1[P(p_E &gt; p_C - margin | final data) &gt; theta],
    /// the final posterior probability by quadrature (<see cref="BetaBinomialPosterior.ProbabilityExceeds"/>).</summary>
    /// <param name="experimental">Experimental posterior now, Beta(aE + xE, bE + nE - xE).</param>
    /// <param name="control">Control posterior now, Beta(aC + xC, bC + nC - xC).</param>
    /// <param name="experimentalRemaining">mE, experimental patients still to be evaluated; at least 0.</param>
    /// <param name="controlRemaining">mC, control patients still to be evaluated; at least 0.</param>
    /// <param name="margin">In (-1, 1); 0 asks whether the experimental rate is higher.</param>
    /// <param name="threshold">theta, in (0, 1); success is a final posterior probability strictly above it.</param>
    /// <returns>The predictive probability of success, in [0, 1].</returns>
    /// <remarks>At most mE + mC + 2 quadratures of about 0.1 ms each (25 patients an arm); the other overload
    /// lets the caller memoise them across analyses and trials.</remarks>
    public static double TwoArm(BetaBinomialPosterior experimental, BetaBinomialPosterior control,
        int experimentalRemaining, int controlRemaining, double margin, double threshold)
    {
        if (!(margin > -1 && margin < 1)) throw new ArgumentOutOfRangeException(nameof(margin), margin, "margin must lie strictly between -1 and 1");
        RequirePosterior(experimental, nameof(experimental));
        RequirePosterior(control, nameof(control));
        var rule = new QuadratureRule(experimental, control, experimentalRemaining, controlRemaining, margin);
        return TwoArmSum(experimental, control, experimentalRemaining, controlRemaining, threshold, rule);
    }

    /// <summary>Two arms, with the final posterior probability supplied by the caller (typically a lookup in
    /// a memo keyed by final counts, falling back on <see cref="BetaBinomialPosterior.ProbabilityExceeds"/>).</summary>
    /// <param name="experimental">Experimental posterior now; gives the predictive weights of the future counts.</param>
    /// <param name="control">Control posterior now; gives the predictive weights of the future counts.</param>
    /// <param name="experimentalRemaining">mE, at least 0.</param>
    /// <param name="controlRemaining">mC, at least 0.</param>
    /// <param name="threshold">theta, in (0, 1).</param>
    /// <param name="finalPosteriorProbability">P(p_E &gt; p_C - margin | final data) for future counts (yE, yC),
    /// with yE in 0 .. mE and yC in 0 .. mC; must come from the same priors as the two posteriors and be
    /// monotone (rising in yE, falling in yC), as any such posterior probability is.</param>
    /// <remarks>The delegate is called at most mE + mC + 2 times, each pair at most once; a plain double sum
    /// would call it (mE + 1)(mC + 1) times.</remarks>
    public static double TwoArm(BetaBinomialPosterior experimental, BetaBinomialPosterior control,
        int experimentalRemaining, int controlRemaining, double threshold, FinalPosteriorProbability finalPosteriorProbability)
    {
        ArgumentNullException.ThrowIfNull(finalPosteriorProbability);
        RequirePosterior(experimental, nameof(experimental));
        RequirePosterior(control, nameof(control));
        return TwoArmSum(experimental, control, experimentalRemaining, controlRemaining, threshold, new DelegateRule(finalPosteriorProbability));
    }

    /// <summary>P(Y = y) for Y ~ BetaBinomial(m, a, b) = C(m, y) B(a + y, b + m - y) / B(a, b), from logs.</summary>
    internal static double BetaBinomialProbability(int y, int m, double a, double b) =>
        Math.Exp(SpecialFunctions.BinomialLn(m, y) + SpecialFunctions.BetaLn(a + y, b + m - y) - SpecialFunctions.BetaLn(a, b));

    private static double TwoArmSum<TRule>(BetaBinomialPosterior experimental, BetaBinomialPosterior control,
        int experimentalRemaining, int controlRemaining, double threshold, TRule rule) where TRule : struct, IFinalRule
    {
        RequireRemaining(experimentalRemaining, nameof(experimentalRemaining));
        RequireRemaining(controlRemaining, nameof(controlRemaining));
        SpecChecks.RequireOpenUnit(threshold, nameof(threshold));

        // For each yC the successes are yE >= edge(yC), and edge only falls as yC falls. Walking yC downward,
        // the edge moves down one yE at a time and the experimental tail P(YE >= edge) grows by adding terms
        // (no subtraction, so a small tail keeps its digits).
        int edge = experimentalRemaining + 1;
        double experimentalTail = 0.0;
        double sum = 0.0;
        for (int yC = controlRemaining; yC >= 0; yC--)
        {
            while (edge > 0 && rule.Evaluate(edge - 1, yC) > threshold)
            {
                edge--;
                experimentalTail += BetaBinomialProbability(edge, experimentalRemaining, experimental.A, experimental.B);
            }
            if (experimentalTail > 0) sum += BetaBinomialProbability(yC, controlRemaining, control.A, control.B) * experimentalTail;
        }
        return Math.Clamp(sum, 0.0, 1.0);
    }

    // The final posterior probability as a type parameter, so the quadrature path needs no closure.
    private interface IFinalRule
    {
        double Evaluate(int experimentalFutureSuccesses, int controlFutureSuccesses);
    }

    private readonly struct QuadratureRule(BetaBinomialPosterior experimental, BetaBinomialPosterior control,
        int experimentalRemaining, int controlRemaining, double margin) : IFinalRule
    {
        public double Evaluate(int experimentalFutureSuccesses, int controlFutureSuccesses) =>
            BetaBinomialPosterior.ProbabilityExceeds(
                experimental.A + experimentalFutureSuccesses, experimental.B + experimentalRemaining - experimentalFutureSuccesses,
                control.A + controlFutureSuccesses, control.B + controlRemaining - controlFutureSuccesses, margin);
    }

    private readonly struct DelegateRule(FinalPosteriorProbability probability) : IFinalRule
    {
        public double Evaluate(int experimentalFutureSuccesses, int controlFutureSuccesses) =>
            probability(experimentalFutureSuccesses, controlFutureSuccesses);
    }

    private static void RequirePosterior(BetaBinomialPosterior posterior, string name)
    {
        if (!(posterior.A > 0) || double.IsPositiveInfinity(posterior.A) || !(posterior.B > 0) || double.IsPositiveInfinity(posterior.B))
            throw new ArgumentOutOfRangeException(name, posterior, $"{name} must have positive finite shapes A and B");
    }

    private static void RequireRemaining(int remaining, string name)
    {
        if (remaining < 0) throw new ArgumentOutOfRangeException(name, remaining, $"{name} must be at least 0");
    }
}

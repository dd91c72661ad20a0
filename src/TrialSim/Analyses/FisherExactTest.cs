using MathNet.Numerics;

namespace TrialSim.Analyses;

/// <summary>
/// One-sided Fisher exact test of progression-free status at a landmark among evaluable patients,
/// H1: the experimental arm's progression-free rate is higher.
/// </summary>
/// <remarks>
/// Fisher R.A. (1935) "The logic of inductive inference", JRSS 98:39-82. The 2 x 2 table has the
/// experimental row (x_E free of events, n_E - x_E failures) above the control row (x_C, n_C - x_C);
/// evaluable means as in <see cref="BinomialLandmarkTest"/>. Conditioning on the margins, x_E is
/// hypergeometric: P(X = k) = C(m, k) C(N - m, n_E - k) / C(N, n_E) with m = x_E + x_C and N = n_E + n_C;
/// the p-value is P(X &gt;= x_E), R's <c>fisher.test(table, alternative = "greater")</c> with the
/// experimental row first. The estimate is the difference of proportions x_E / n_E - x_C / n_C with the
/// Wald interval d -/+ Phi^-1((1 + level) / 2) sqrt(p_E (1 - p_E) / n_E + p_C (1 - p_C) / n_C), not the
/// conditional odds-ratio interval R reports, so the estimate is on the same scale as
/// <see cref="LandmarkRateDifferenceTest"/>. The interval can disagree with the exact test.
/// </remarks>
public static class FisherExactTest
{
    /// <summary>Runs the test; time in months, in any order; group 1 = experimental, 0 = control, any
    /// other code is left out.</summary>
    /// <returns>Estimate x_E / n_E - x_C / n_C with its Wald interval, the exact one-sided p-value and
    /// rejection when it is at most alpha; Analysed = evaluable patients in the two groups; Events =
    /// failures (events at or before the landmark) among them. Undefined when a group has nobody evaluable.</returns>
    public static AnalysisResult Analyze(ReadOnlySpan<double> time, ReadOnlySpan<bool> isEvent, ReadOnlySpan<byte> group, FisherExactSpec spec)
    {
        SpecChecks.RequireValid(spec);
        SpecChecks.RequireNonNegativeFinite(spec.Landmark, "spec.Landmark");
        SpecChecks.RequireSameLength(time.Length, isEvent.Length);
        SpecChecks.RequireGroupLength(time.Length, group.Length);

        var experimental = LandmarkStatusCount.Tally(time, isEvent, group, 1, spec.Landmark);
        var control = LandmarkStatusCount.Tally(time, isEvent, group, 0, spec.Landmark);
        int analysed = experimental.Evaluable + control.Evaluable;
        int events = experimental.Failures + control.Failures;
        if (experimental.Evaluable == 0 || control.Evaluable == 0) return AnalysisResult.Undefined(analysed, events);

        double pValue = UpperTail(experimental.Successes, experimental.Evaluable, control.Successes, control.Evaluable);
        double rateExperimental = (double)experimental.Successes / experimental.Evaluable;
        double rateControl = (double)control.Successes / control.Evaluable;
        double difference = rateExperimental - rateControl;
        double variance = LandmarkRateDifferenceTest.BinomialVariance(rateExperimental, experimental.Evaluable)
            + LandmarkRateDifferenceTest.BinomialVariance(rateControl, control.Evaluable);
        double halfWidth = WaldDifference.HalfWidth(variance, spec.ConfidenceLevel);
        return new AnalysisResult(difference, difference - halfWidth, difference + halfWidth, pValue, pValue <= spec.Alpha, analysed, events);
    }

    /// <summary>The one-sided Fisher p-value P(X &gt;= x_E) for the table (x_E of n_E) against (x_C of n_C).</summary>
    /// <param name="experimentalSuccesses">x_E, between 0 and <paramref name="experimentalTotal"/>.</param>
    /// <param name="experimentalTotal">n_E, at least 0.</param>
    /// <param name="controlSuccesses">x_C, between 0 and <paramref name="controlTotal"/>.</param>
    /// <param name="controlTotal">n_C, at least 0.</param>
    /// <remarks>
    /// X runs over max(0, n_E - (N - m)) .. min(m, n_E). Terms come from the ratio
    /// P(k + 1) / P(k) = (m - k)(n_E - k) / ((k + 1)(N - m - n_E + k + 1)), started from one term computed
    /// with log-gamma. The tail on the far side of the mean m n_E / N is summed directly (outward from x_E,
    /// so the first term is the largest and nothing underflows before it counts); otherwise the p-value is
    /// 1 minus the opposite tail, summed outward from x_E - 1. Nothing allocates.
    /// </remarks>
    public static double UpperTail(int experimentalSuccesses, int experimentalTotal, int controlSuccesses, int controlTotal)
    {
        if (experimentalTotal < 0) throw new ArgumentOutOfRangeException(nameof(experimentalTotal), experimentalTotal, "experimentalTotal must be at least 0");
        if (controlTotal < 0) throw new ArgumentOutOfRangeException(nameof(controlTotal), controlTotal, "controlTotal must be at least 0");
        if (experimentalSuccesses < 0 || experimentalSuccesses > experimentalTotal)
            throw new ArgumentOutOfRangeException(nameof(experimentalSuccesses), experimentalSuccesses, $"experimentalSuccesses must lie in [0, {experimentalTotal}]");
        if (controlSuccesses < 0 || controlSuccesses > controlTotal)
            throw new ArgumentOutOfRangeException(nameof(controlSuccesses), controlSuccesses, $"controlSuccesses must lie in [0, {controlTotal}]");

        int x = experimentalSuccesses, rowTotal = experimentalTotal;
        int total = experimentalTotal + controlTotal;
        int successes = experimentalSuccesses + controlSuccesses;
        int failures = total - successes;
        int lowest = Math.Max(0, rowTotal - failures), highest = Math.Min(successes, rowTotal);
        if (x <= lowest) return 1.0;

        double mean = (double)successes * rowTotal / total;
        if (x > mean)
        {
            double term = Math.Exp(LogProbability(x, successes, failures, rowTotal));
            double sum = 0.0;
            for (int k = x; k <= highest; k++)
            {
                sum += term;
                term *= (double)(successes - k) * (rowTotal - k) / ((double)(k + 1) * (failures - rowTotal + k + 1));
            }
            return Math.Min(1.0, sum);
        }
        else
        {
            double term = Math.Exp(LogProbability(x - 1, successes, failures, rowTotal));
            double sum = 0.0;
            for (int k = x - 1; k >= lowest; k--)
            {
                sum += term;
                // P(k - 1) / P(k) is the reciprocal of the upward ratio taken at k - 1.
                term *= (double)k * (failures - rowTotal + k) / ((double)(successes - k + 1) * (rowTotal - k + 1));
            }
            return Math.Max(0.0, 1.0 - sum);
        }
    }

    /// <summary>log P(X = k) = log C(m, k) + log C(N - m, n - k) - log C(N, n) for the hypergeometric.</summary>
    private static double LogProbability(int k, int successes, int failures, int rowTotal) =>
        LogChoose(successes, k) + LogChoose(failures, rowTotal - k) - LogChoose(successes + failures, rowTotal);

    private static double LogChoose(int n, int k) =>
        SpecialFunctions.GammaLn(n + 1.0) - SpecialFunctions.GammaLn(k + 1.0) - SpecialFunctions.GammaLn(n - k + 1.0);
}

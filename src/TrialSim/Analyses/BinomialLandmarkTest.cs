using MathNet.Numerics;

namespace TrialSim.Analyses;

/// <summary>
/// Exact binomial test of the proportion free of events at the landmark, among the patients whose
/// status there is known. H0: p &lt;= p0 against H1: p &gt; p0; Clopper-Pearson interval.
/// </summary>
/// <remarks>
/// A patient is evaluable at the landmark t* when an event was observed at or before t* (a failure;
/// an event exactly at t* is a failure) or when the observed time is at least t* without an event by
/// then (a success: event after t*, or censored at or after t*). Patients censored before t* are left
/// out. With x successes of n evaluable, the p-value is P(X &gt;= x; n, p0), exact; the test rejects when
/// it is at most alpha, that is when x &gt;= <see cref="CriticalValue"/>(n, p0, alpha). The interval is
/// Clopper C.J., Pearson E.S. (1934) "The use of confidence or fiducial limits illustrated in the case
/// of the binomial", Biometrika 26:404-413: two-sided with equal tails, lower = Beta^-1((1 - level) / 2;
/// x, n - x + 1) (0 when x = 0), upper = Beta^-1((1 + level) / 2; x + 1, n - x) (1 when x = n).
/// The data need not be sorted.
/// </remarks>
public static class BinomialLandmarkTest
{
    /// <summary>Runs the test; time in months, in any order.</summary>
    /// <returns>Estimate x / n with its Clopper-Pearson interval; Analysed = n evaluable patients;
    /// Events = failures (events at or before the landmark). Undefined when nobody is evaluable.</returns>
    public static AnalysisResult Analyze(ReadOnlySpan<double> time, ReadOnlySpan<bool> isEvent, BinomialLandmarkSpec spec)
    {
        SpecChecks.RequireValid(spec);
        SpecChecks.RequireNonNegativeFinite(spec.Landmark, "spec.Landmark");
        SpecChecks.RequireOpenUnit(spec.NullRate, "spec.NullRate");
        SpecChecks.RequireSameLength(time.Length, isEvent.Length);

        var status = LandmarkStatusCount.Tally(time, isEvent, ReadOnlySpan<byte>.Empty, 0, spec.Landmark);
        int successes = status.Successes, failures = status.Failures, evaluable = status.Evaluable;
        if (evaluable == 0) return AnalysisResult.Undefined(0, 0);

        double pValue = TailProbability(evaluable, successes, spec.NullRate);
        double tail = 0.5 * (1.0 - spec.ConfidenceLevel);
        double lower = successes == 0 ? 0.0 : BetaQuantile.Of(successes, evaluable - successes + 1, tail);
        double upper = successes == evaluable ? 1.0 : BetaQuantile.Of(successes + 1, evaluable - successes, 1.0 - tail);
        return new AnalysisResult((double)successes / evaluable, lower, upper, pValue, pValue <= spec.Alpha, evaluable, failures);
    }

    /// <summary>The critical value r(n): the smallest r with P(X &gt;= r; n, p0) &lt;= alpha, so the test
    /// rejects when at least r of n evaluable patients are free of events; n + 1 when no r qualifies.</summary>
    /// <param name="n">Evaluable patients, at least 0.</param>
    /// <param name="nullRate">p0, the proportion free of events under the null hypothesis, in (0, 1).</param>
    /// <param name="alpha">One-sided significance level, in (0, 1).</param>
    public static int CriticalValue(int n, double nullRate, double alpha)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be at least 0");
        SpecChecks.RequireOpenUnit(nullRate, nameof(nullRate));
        SpecChecks.RequireOpenUnit(alpha, nameof(alpha));
        // The tail probability falls as r rises; P(X >= n + 1) = 0 <= alpha, so bisection finds the edge.
        int low = 0, high = n + 1;
        while (low < high)
        {
            int middle = (low + high) / 2;
            if (TailProbability(n, middle, nullRate) <= alpha) high = middle;
            else low = middle + 1;
        }
        return low;
    }

    /// <summary>Upper tail of the binomial distribution, P(X &gt;= r) for X ~ Binomial(n, p).</summary>
    /// <remarks>P(X &gt;= r) = I_p(r, n - r + 1), the regularized incomplete beta function, for
    /// 1 &lt;= r &lt;= n; 1 when r &lt;= 0; 0 when r &gt; n.</remarks>
    public static double TailProbability(int n, int r, double p)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "n must be at least 0");
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "p must lie in [0, 1]");
        if (r <= 0) return 1.0;
        if (r > n) return 0.0;
        return SpecialFunctions.BetaRegularized(r, n - r + 1, p);
    }
}

using TrialSim.Analyses;

namespace TrialSim.SampleSize;

/// <summary>
/// Sample size of a single-stage exact binomial test of one rate (A'Hern's design), and the exact power of
/// that test at any sample size.
/// </summary>
/// <remarks>
/// A'Hern R.P. (2001) "Sample size tables for exact single-stage phase II designs", Statistics in Medicine
/// 20:859-866. H0: p &lt;= p0 against H1: p &gt;= p1. At n patients the test is
/// <see cref="BinomialLandmarkTest"/>'s: reject when the exact p-value P(X &gt;= x; n, p0) is at most alpha,
/// that is when x &gt;= r(n) = <see cref="BinomialLandmarkTest.CriticalValue"/>(n, p0, alpha), the smallest r
/// with P(X &gt;= r; n, p0) &lt;= alpha; r(n) is also the cut-off with the most power at that alpha. The sample
/// size is the smallest n whose power P(X &gt;= r(n); n, p1) is at least the power asked for, as in A'Hern's
/// tables. The power is not monotone in n (alpha is spent in whole steps of r), so a larger n can fall short:
/// for p0 = 0.15, p1 = 0.35, alpha 0.05, power 0.8 the answer is 8/28, while 29 and 30 patients give
/// powers 0.735 and 0.775 and 31 gives 0.811.
/// <para>A'Hern's printed tables apparently rounded the error rates: in a few cells the design listed misses
/// the power or alpha by less than 0.0005 (p0 = 0.05, p1 = 0.35, alpha 0.05, power 0.8: the table's 3/11 has
/// power 0.79987), where this search, holding both bounds exactly, gives the next n (3/12).</para>
/// </remarks>
public static class ExactBinomialSampleSize
{
    /// <summary>The largest sample size searched by default.</summary>
    public const int DefaultMaxSampleSize = 5000;

    /// <summary>The smallest sample size whose exact test has at least the power asked for.</summary>
    /// <param name="nullRate">p0, the success rate under H0 (not promising), in (0, 1).</param>
    /// <param name="alternativeRate">p1, the success rate under H1 (promising), in (p0, 1).</param>
    /// <param name="alpha">One-sided significance level, in (0, 1).</param>
    /// <param name="power">Power wanted at p1, in (alpha, 1).</param>
    /// <param name="maxSampleSize">Largest n searched, at least 1.</param>
    /// <returns>n, r(n) and the exact alpha and power there.</returns>
    /// <exception cref="InvalidOperationException">No n up to maxSampleSize has the power.</exception>
    public static ExactBinomialDesign Required(double nullRate, double alternativeRate, double alpha, double power, int maxSampleSize = DefaultMaxSampleSize)
    {
        RequireRates(nullRate, alternativeRate);
        SizingChecks.RequireErrorRates(alpha, power, sided: 1);
        if (maxSampleSize < 1) throw new ArgumentOutOfRangeException(nameof(maxSampleSize), maxSampleSize, "maxSampleSize must be at least 1");

        for (int n = 1; n <= maxSampleSize; n++)
        {
            var design = Evaluate(n, nullRate, alternativeRate, alpha);
            if (design.ExactPower >= power) return design;
        }
        throw new InvalidOperationException(
            $"No single-stage design with at most {maxSampleSize} patients has power >= {power} at p1 = {alternativeRate} with alpha <= {alpha} at p0 = {nullRate}; raise maxSampleSize");
    }

    /// <summary>The exact test at a given sample size: its critical value, exact alpha and exact power.</summary>
    /// <param name="sampleSize">n, evaluable patients, at least 0.</param>
    /// <inheritdoc cref="Required" path="/param[@name='nullRate' or @name='alternativeRate' or @name='alpha']"/>
    public static ExactBinomialDesign At(int sampleSize, double nullRate, double alternativeRate, double alpha)
    {
        if (sampleSize < 0) throw new ArgumentOutOfRangeException(nameof(sampleSize), sampleSize, "sampleSize must be at least 0");
        RequireRates(nullRate, alternativeRate);
        SizingChecks.RequireAlpha(alpha, sided: 1);
        return Evaluate(sampleSize, nullRate, alternativeRate, alpha);
    }

    private static ExactBinomialDesign Evaluate(int n, double nullRate, double alternativeRate, double alpha)
    {
        int critical = BinomialLandmarkTest.CriticalValue(n, nullRate, alpha);
        return new ExactBinomialDesign(n, critical,
            BinomialLandmarkTest.TailProbability(n, critical, nullRate),
            BinomialLandmarkTest.TailProbability(n, critical, alternativeRate));
    }

    private static void RequireRates(double nullRate, double alternativeRate)
    {
        SpecChecks.RequireOpenUnit(nullRate, nameof(nullRate));
        if (!(alternativeRate > nullRate && alternativeRate < 1))
            throw new ArgumentOutOfRangeException(nameof(alternativeRate), alternativeRate, $"alternativeRate must lie strictly between nullRate ({nullRate}) and 1");
    }
}

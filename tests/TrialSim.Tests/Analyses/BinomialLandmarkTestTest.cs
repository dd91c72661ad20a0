using MathNet.Numerics.Distributions;
using TrialSim.Analyses;

namespace TrialSim.Tests.Analyses;

public class BinomialLandmarkTestTest
{
    private static BinomialLandmarkSpec Spec(double landmark = 36, double nullRate = 0.15, double alpha = 0.05, double level = 0.90) =>
        new("binomial", alpha, level, landmark, nullRate);

    [Theory]
    // validation.md, SSG XXV: n, r, alpha = P(X >= r; 0.15), power = P(X >= r; 0.35).
    [InlineData(26, 7, 0.08333, 0.85837)]
    [InlineData(26, 8, 0.03208, 0.74036)]
    [InlineData(28, 8, 0.04859, 0.81791)]
    [InlineData(31, 9, 0.03408, 0.81063)]
    public void TailProbability_MatchesValidationTable(int n, int r, double alpha, double power)
    {
        Assert.Equal(alpha, BinomialLandmarkTest.TailProbability(n, r, 0.15), 5e-6);
        Assert.Equal(power, BinomialLandmarkTest.TailProbability(n, r, 0.35), 5e-6);
    }

    [Fact]
    public void TailProbability_MatchesRToFullPrecision()
    {
        // R: pbinom(r - 1, n, p, lower.tail = FALSE).
        Assert.Equal(0.0833265884407822, BinomialLandmarkTest.TailProbability(26, 7, 0.15), 1e-13);
        Assert.Equal(0.8106291080045294, BinomialLandmarkTest.TailProbability(31, 9, 0.35), 1e-13);
        Assert.Equal(1.0, BinomialLandmarkTest.TailProbability(10, 0, 0.15));
        Assert.Equal(0.0, BinomialLandmarkTest.TailProbability(10, 11, 0.15));
    }

    [Theory]
    [InlineData(26, 8)]
    [InlineData(28, 8)]
    [InlineData(31, 9)]
    [InlineData(0, 1)] // nobody evaluable: no r qualifies, so n + 1
    public void CriticalValue_MatchesValidationTable(int n, int r) =>
        Assert.Equal(r, BinomialLandmarkTest.CriticalValue(n, 0.15, 0.05));

    [Fact]
    public void CriticalValue_IsTheSmallestQualifyingR()
    {
        for (int n = 1; n <= 80; n++)
        {
            int r = BinomialLandmarkTest.CriticalValue(n, 0.15, 0.05);
            Assert.True(BinomialLandmarkTest.TailProbability(n, r, 0.15) <= 0.05);
            Assert.True(BinomialLandmarkTest.TailProbability(n, r - 1, 0.15) > 0.05);
        }
    }

    [Fact]
    public void Analyze_ClassifiesPatientsAtTheLandmark()
    {
        // Landmark 36: event at 10 (failure), event exactly at 36 (failure), censored exactly at 36
        // (success), event at 40 (success), censored at 50 (success), censored at 20 (not evaluable).
        double[] time = [10, 36, 36, 40, 50, 20];
        bool[] isEvent = [true, true, false, true, false, false];
        var result = BinomialLandmarkTest.Analyze(time, isEvent, Spec());
        Assert.Equal(5, result.Analysed);
        Assert.Equal(2, result.Events);
        Assert.Equal(3.0 / 5.0, result.Estimate);
        // P(X >= 3; 5, 0.15) = 10 p^3 q^2 + 5 p^4 q + p^5
        double p = 0.15, q = 0.85;
        Assert.Equal(10 * p * p * p * q * q + 5 * p * p * p * p * q + p * p * p * p * p, result.PValue, 1e-14);
    }

    [Theory]
    // R: binom.test(8, 28, p = 0.15, alternative = "greater")$p.value = 0.0485856225710601.
    [InlineData(8, 0.0485856225710601, true)]
    [InlineData(7, 0.115236002233348, false)] // R: binom.test(7, 28, ...)
    public void Analyze_SsgDesign(int successes, double pValue, bool reject)
    {
        double[] time = Enumerable.Range(0, 28).Select(i => i < successes ? 40.0 : 12.0).ToArray();
        bool[] isEvent = Enumerable.Repeat(true, 28).ToArray();
        var result = BinomialLandmarkTest.Analyze(time, isEvent, Spec());
        Assert.Equal(pValue, result.PValue, 1e-12);
        Assert.Equal(reject, result.Reject);
        Assert.Equal(reject, successes >= BinomialLandmarkTest.CriticalValue(28, 0.15, 0.05));
    }

    [Fact]
    public void ClopperPearson_7Of28_MatchesRBinomTest()
    {
        // R: binom.test(7, 28, conf.level = 0.90)$conf.int = 0.123668709484152, 0.418727740411506.
        double[] time = Enumerable.Range(0, 28).Select(i => i < 7 ? 40.0 : 12.0).ToArray();
        bool[] isEvent = Enumerable.Repeat(true, 28).ToArray();
        var result = BinomialLandmarkTest.Analyze(time, isEvent, Spec());
        Assert.Equal(0.25, result.Estimate);
        Assert.Equal(0.123668709484152, result.Lower, 1e-12);
        Assert.Equal(0.418727740411506, result.Upper, 1e-12);
        // And against MathNet's own (root-finding) beta quantiles.
        Assert.Equal(Beta.InvCDF(7, 22, 0.05), result.Lower, 1e-10);
        Assert.Equal(Beta.InvCDF(8, 21, 0.95), result.Upper, 1e-10);
    }

    [Theory]
    [InlineData(0.90)]
    [InlineData(0.95)]
    public void ClopperPearson_AgreesWithMathNetBetaQuantiles_AcrossSizes(double level)
    {
        foreach (int n in new[] { 1, 2, 5, 28, 100, 500 })
        {
            foreach (int x in new[] { 1, n / 2, n - 1 }.Where(x => x >= 1 && x <= n - 1).Distinct())
            {
                double[] time = Enumerable.Range(0, n).Select(i => i < x ? 40.0 : 12.0).ToArray();
                bool[] isEvent = Enumerable.Repeat(true, n).ToArray();
                var result = BinomialLandmarkTest.Analyze(time, isEvent, Spec(level: level));
                double tail = (1 - level) / 2;
                Assert.Equal(Beta.InvCDF(x, n - x + 1, tail), result.Lower, 1e-10);
                Assert.Equal(Beta.InvCDF(x + 1, n - x, 1 - tail), result.Upper, 1e-10);
            }
        }
    }

    [Fact]
    public void ClopperPearson_AllOrNone_HasOneSidedEnd()
    {
        // R: binom.test(0, 10, conf.level = 0.90): [0, 0.258865550893052]; binom.test(10, 10, ...): [0.741134449106948, 1].
        double[] time = Enumerable.Repeat(12.0, 10).ToArray();
        bool[] isEvent = Enumerable.Repeat(true, 10).ToArray();
        var none = BinomialLandmarkTest.Analyze(time, isEvent, Spec());
        Assert.Equal(0.0, none.Lower);
        Assert.Equal(0.258865550893052, none.Upper, 1e-12);
        Assert.Equal(1.0, none.PValue);

        Array.Fill(time, 40.0);
        var all = BinomialLandmarkTest.Analyze(time, isEvent, Spec());
        Assert.Equal(0.741134449106948, all.Lower, 1e-12);
        Assert.Equal(1.0, all.Upper);
    }

    [Fact]
    public void Analyze_NobodyEvaluable_IsUndefined()
    {
        var result = BinomialLandmarkTest.Analyze([5, 10], [false, false], Spec());
        // Record-struct equality treats NaN as equal to NaN.
        Assert.Equal(AnalysisResult.Undefined(0, 0), result);
    }

    [Fact]
    public void Analyze_AllocatesNothing()
    {
        double[] time = Enumerable.Range(0, 28).Select(i => i < 7 ? 40.0 : 12.0).ToArray();
        bool[] isEvent = Enumerable.Repeat(true, 28).ToArray();
        var spec = Spec();
        BinomialLandmarkTest.Analyze(time, isEvent, spec);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < 100; i++) sum += BinomialLandmarkTest.Analyze(time, isEvent, spec).Upper;
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sum > 0);
    }
}

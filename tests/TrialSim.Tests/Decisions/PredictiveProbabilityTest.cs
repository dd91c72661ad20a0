using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using TrialSim.Analyses;
using TrialSim.Decisions;

namespace TrialSim.Tests.Decisions;

public class PredictiveProbabilityTest
{
    // Naive beta-binomial: Gamma functions directly (not BetaLn), so it does not share the code under test.
    private static double BetaBinomial(int y, int m, double a, double b) =>
        Math.Exp(SpecialFunctions.FactorialLn(m) - SpecialFunctions.FactorialLn(y) - SpecialFunctions.FactorialLn(m - y)
            + SpecialFunctions.GammaLn(a + y) + SpecialFunctions.GammaLn(b + m - y) - SpecialFunctions.GammaLn(a + b + m)
            - SpecialFunctions.GammaLn(a) - SpecialFunctions.GammaLn(b) + SpecialFunctions.GammaLn(a + b));

    // Naive single-arm reference: the whole sum, every y, the posterior tail from MathNet's Beta CDF.
    private static double DirectSingleArm(double a, double b, int x, int n, int total, double nullRate, double threshold)
    {
        int m = total - n;
        return Enumerable.Range(0, m + 1)
            .Where(y => 1 - Beta.CDF(a + x + y, b + total - x - y, nullRate) > threshold)
            .Sum(y => BetaBinomial(y, m, a + x, b + n - x));
    }

    // Naive two-arm reference: all (mE + 1)(mC + 1) cells of the double sum.
    private static double DirectTwoArm(BetaBinomialPosterior e, BetaBinomialPosterior c, int mE, int mC, double margin, double threshold)
    {
        double sum = 0;
        for (int yE = 0; yE <= mE; yE++)
            for (int yC = 0; yC <= mC; yC++)
                if (BetaBinomialPosterior.ProbabilityExceeds(e.A + yE, e.B + mE - yE, c.A + yC, c.B + mC - yC, margin) > threshold)
                    sum += BetaBinomial(yE, mE, e.A, e.B) * BetaBinomial(yC, mC, c.A, c.B);
        return sum;
    }

    [Fact]
    public void SingleArm_MatchesLeeAndLiuWorkedExample()
    {
        // Lee J.J., Liu D.D. (2008) Clinical Trials 5:93-106, worked example: prior Beta(0.6, 0.4), p0 = 0.6,
        // N = 40, theta_T = 0.90, 16 responses in the first 23 patients: PP = 0.5656 (printed to 4 places).
        // The figure was recalled, not read here; the direct sum below gives 0.565559 independently.
        var posterior = BetaBinomialPosterior.FromPrior(0.6, 0.4, 16, 23);
        Assert.Equal(0.5656, PredictiveProbability.SingleArm(posterior, 17, 0.6, 0.90), 5e-5);
        Assert.Equal(DirectSingleArm(0.6, 0.4, 16, 23, 40, 0.6, 0.90), PredictiveProbability.SingleArm(posterior, 17, 0.6, 0.90), 1e-13);
    }

    [Fact]
    public void SingleArm_MatchesPh2byeExample()
    {
        // R package ph2bye, help page of PredP, example PredP(16, 23, 40, 1, 1, 0.5, 0.9) printing 0.8871897.
        // (ph2bye counts a final probability equal to theta_T as success; equality has probability zero here.)
        var posterior = BetaBinomialPosterior.FromPrior(1, 1, 16, 23);
        Assert.Equal(0.8871897, PredictiveProbability.SingleArm(posterior, 17, 0.5, 0.9), 5e-8);
    }

    [Fact]
    public void SingleArm_MatchesDirectSumOverManyCases()
    {
        int cases = 0;
        foreach (var (a, b) in new[] { (1.0, 1.0), (0.5, 0.5), (0.6, 0.4), (3.0, 12.0) })
            foreach (int total in new[] { 1, 12, 40, 150 })
                foreach (int n in new[] { 0, 1, total / 3, total / 2, total - 1, total }.Where(v => v >= 0 && v <= total).Distinct())
                    foreach (int x in new[] { 0, n / 4, n / 2, 3 * n / 4, n }.Distinct())
                        foreach (var (nullRate, threshold) in new[] { (0.15, 0.9), (0.6, 0.9), (0.3, 0.5), (0.05, 0.99) })
                        {
                            var posterior = BetaBinomialPosterior.FromPrior(a, b, x, n);
                            double expected = DirectSingleArm(a, b, x, n, total, nullRate, threshold);
                            Assert.Equal(expected, PredictiveProbability.SingleArm(posterior, total - n, nullRate, threshold), 1e-12);
                            cases++;
                        }
        Assert.True(cases > 1000);
    }

    [Fact]
    public void SingleArm_WithNobodyLeft_IsTheCurrentDecision()
    {
        var posterior = BetaBinomialPosterior.FromPrior(1, 1, 8, 26);
        double probability = 1 - Beta.CDF(posterior.A, posterior.B, 0.15);
        Assert.Equal(probability > 0.95 ? 1.0 : 0.0, PredictiveProbability.SingleArm(posterior, 0, 0.15, 0.95));
        Assert.Equal(probability > 0.5 ? 1.0 : 0.0, PredictiveProbability.SingleArm(posterior, 0, 0.15, 0.5));
    }

    public static TheoryData<int, int, int, int, int, int, double, double> TwoArmCases => new()
    {
        // xE, nE, xC, nC, mE, mC, margin, threshold: Gist-Ten-like halves of 25 an arm, uneven arms, a margin.
        { 8, 12, 6, 12, 13, 13, 0.0, 0.95 },
        { 5, 12, 9, 13, 13, 12, 0.0, 0.80 },
        { 3, 5, 3, 5, 20, 20, 0.1, 0.90 },
        { 10, 20, 4, 8, 5, 17, -0.05, 0.975 },
        { 0, 0, 0, 0, 25, 25, 0.0, 0.95 },
        { 7, 25, 5, 25, 0, 0, 0.0, 0.6 },
    };

    [Theory]
    [MemberData(nameof(TwoArmCases))]
    public void TwoArm_MatchesFullDoubleSum(int xE, int nE, int xC, int nC, int mE, int mC, double margin, double threshold)
    {
        var e = BetaBinomialPosterior.FromPrior(1, 1, xE, nE);
        var c = BetaBinomialPosterior.FromPrior(0.5, 0.5, xC, nC);
        Assert.Equal(DirectTwoArm(e, c, mE, mC, margin, threshold), PredictiveProbability.TwoArm(e, c, mE, mC, margin, threshold), 1e-12);
    }

    [Theory]
    [MemberData(nameof(TwoArmCases))]
    public void TwoArm_WithCallerMemo_GivesTheSameAndCallsItAtMostOncePerCellAndMEPlusMCPlus2Times(
        int xE, int nE, int xC, int nC, int mE, int mC, double margin, double threshold)
    {
        var e = BetaBinomialPosterior.FromPrior(1, 1, xE, nE);
        var c = BetaBinomialPosterior.FromPrior(0.5, 0.5, xC, nC);
        var cache = new PosteriorProbabilityCache();
        var seen = new HashSet<(int, int)>();
        double Final(int yE, int yC)
        {
            Assert.True(seen.Add((yE, yC)));
            Assert.InRange(yE, 0, mE);
            Assert.InRange(yC, 0, mC);
            // The engine's memo, keyed by the final counts.
            if (!cache.TryGet(xE + yE, nE + mE, xC + yC, nC + mC, out double p))
            {
                p = BetaBinomialPosterior.ProbabilityExceeds(e.A + yE, e.B + mE - yE, c.A + yC, c.B + mC - yC, margin);
                cache.Add(xE + yE, nE + mE, xC + yC, nC + mC, p);
            }
            return p;
        }
        double memoised = PredictiveProbability.TwoArm(e, c, mE, mC, threshold, Final);
        Assert.Equal(PredictiveProbability.TwoArm(e, c, mE, mC, margin, threshold), memoised);
        Assert.True(seen.Count <= mE + mC + 2, $"{seen.Count} calls");
    }

    [Fact]
    public void TwoArm_MatchesIndependentMonteCarlo()
    {
        // Draw p_E and p_C from the current posteriors, then the future counts, then apply the final rule;
        // the rule is memoised by future counts only to keep the test fast (it is a pure function of them).
        var e = BetaBinomialPosterior.FromPrior(1, 1, 8, 12);
        var c = BetaBinomialPosterior.FromPrior(1, 1, 6, 12);
        const int mE = 13, mC = 13, draws = 200_000;
        var rule = new Dictionary<(int, int), bool>();
        var random = new Random(20250611);
        int successes = 0;
        for (int i = 0; i < draws; i++)
        {
            double pE = Beta.Sample(random, e.A, e.B), pC = Beta.Sample(random, c.A, c.B);
            int yE = Binomial.Sample(random, pE, mE), yC = Binomial.Sample(random, pC, mC);
            if (!rule.TryGetValue((yE, yC), out bool success))
            {
                success = BetaBinomialPosterior.ProbabilityExceeds(e.A + yE, e.B + mE - yE, c.A + yC, c.B + mC - yC, 0.0) > 0.95;
                rule[(yE, yC)] = success;
            }
            if (success) successes++;
        }
        double estimate = (double)successes / draws;
        double standardError = Math.Sqrt(estimate * (1 - estimate) / draws);
        double exact = PredictiveProbability.TwoArm(e, c, mE, mC, 0.0, 0.95);
        Assert.InRange(exact, estimate - 3 * standardError, estimate + 3 * standardError);
        Assert.InRange(exact, 0.05, 0.95); // a case where the answer is not trivially 0 or 1
    }

    [Fact]
    public void SingleArm_MatchesIndependentMonteCarlo()
    {
        var posterior = BetaBinomialPosterior.FromPrior(1, 1, 5, 14);
        const int remaining = 17, draws = 200_000;
        var random = new Random(20250612);
        int successes = 0;
        for (int i = 0; i < draws; i++)
        {
            int y = Binomial.Sample(random, Beta.Sample(random, posterior.A, posterior.B), remaining);
            if (1 - Beta.CDF(posterior.A + y, posterior.B + remaining - y, 0.15) > 0.95) successes++;
        }
        double estimate = (double)successes / draws;
        double standardError = Math.Sqrt(estimate * (1 - estimate) / draws);
        Assert.InRange(PredictiveProbability.SingleArm(posterior, remaining, 0.15, 0.95), estimate - 3 * standardError, estimate + 3 * standardError);
    }

    [Fact]
    public void Arguments_AreCheckedByName()
    {
        var posterior = BetaBinomialPosterior.FromPrior(1, 1, 3, 10);
        Assert.Equal("remaining", Assert.Throws<ArgumentOutOfRangeException>(() => PredictiveProbability.SingleArm(posterior, -1, 0.2, 0.9)).ParamName);
        Assert.Equal("nullRate", Assert.Throws<ArgumentOutOfRangeException>(() => PredictiveProbability.SingleArm(posterior, 5, 1.0, 0.9)).ParamName);
        Assert.Equal("threshold", Assert.Throws<ArgumentOutOfRangeException>(() => PredictiveProbability.SingleArm(posterior, 5, 0.2, double.NaN)).ParamName);
        Assert.Equal("current", Assert.Throws<ArgumentOutOfRangeException>(() => PredictiveProbability.SingleArm(default, 5, 0.2, 0.9)).ParamName);
        Assert.Equal("margin", Assert.Throws<ArgumentOutOfRangeException>(() => PredictiveProbability.TwoArm(posterior, posterior, 5, 5, 1.0, 0.9)).ParamName);
        Assert.Equal("controlRemaining", Assert.Throws<ArgumentOutOfRangeException>(() => PredictiveProbability.TwoArm(posterior, posterior, 5, -2, 0.0, 0.9)).ParamName);
        Assert.Equal("control", Assert.Throws<ArgumentOutOfRangeException>(() => PredictiveProbability.TwoArm(posterior, default, 5, 5, 0.0, 0.9)).ParamName);
        Assert.Throws<ArgumentNullException>(() => PredictiveProbability.TwoArm(posterior, posterior, 5, 5, 0.9, null!));
    }
}

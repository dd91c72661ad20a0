using MathNet.Numerics;
using TrialSim.Analyses;

namespace TrialSim.Tests.Analyses;

public class BetaBinomialPosteriorTest
{
    // Exact P(p_E > p_C) for integer aE (any positive others): Cook J.D. (2005) "Exact calculation of
    // beta inequalities"; Miller E. (2015) "Formulas for Bayesian A/B testing":
    // sum over i = 0 .. aE - 1 of B(aC + i, bC + bE) / ((bE + i) B(1 + i, bE) B(aC, bC)), in logs.
    private static double ExactProbabilityExceeds(int aE, double bE, double aC, double bC)
    {
        double sum = 0;
        for (int i = 0; i < aE; i++)
        {
            sum += Math.Exp(SpecialFunctions.BetaLn(aC + i, bC + bE) - Math.Log(bE + i)
                - SpecialFunctions.BetaLn(1 + i, bE) - SpecialFunctions.BetaLn(aC, bC));
        }
        return sum;
    }

    [Fact]
    public void ProbabilityExceeds_MarginZero_MatchesExactSumOverManyIntegerCases()
    {
        int cases = 0;
        // Every table of a 25 against 25 trial under a Beta(1, 1) prior, and Jeffreys-like halves on the
        // other shapes (the formula needs only aE to be an integer).
        for (int xE = 0; xE <= 25; xE++)
        {
            for (int xC = 0; xC <= 25; xC++)
            {
                Check(1 + xE, 1 + 25 - xE, 1 + xC, 1 + 25 - xC);
                Check(1 + xE, 0.5 + 25 - xE, 0.5 + xC, 0.5 + 25 - xC);
            }
        }
        // Unbalanced and large posteriors: 200 against 20 patients, sharply peaked curves.
        foreach (int aE in new[] { 1, 2, 15, 120, 199 })
        {
            foreach (int aC in new[] { 1, 3, 10, 19 })
            {
                Check(aE, 201 - aE, aC, 21 - aC);
                Check(aC, 21 - aC, aE, 201 - aE);
            }
        }
        // About 1,000 an arm: the sharpest posteriors, where a coarser quadrature step erred by 2.6e-10.
        Check(361, 7, 890, 87.3);
        Check(320, 568, 77.1, 537.3);
        Check(990, 10, 950, 50);
        Assert.Equal(26 * 26 * 2 + 5 * 4 * 2 + 3, cases);

        void Check(int aE, double bE, double aC, double bC)
        {
            cases++;
            double exact = ExactProbabilityExceeds(aE, bE, aC, bC);
            Assert.Equal(exact, BetaBinomialPosterior.ProbabilityExceeds(aE, bE, aC, bC, 0.0), 1e-10);
        }
    }

    [Theory]
    // R: integrate(function(q) dbeta(q, aC, bC) * (1 - pbeta(q - m, aE, bE)), 0, 1, rel.tol = 1e-12),
    // cross-checked with the other form integrate(function(r) dbeta(r, aE, bE) * pbeta(r + m, aC, bC), 0, 1)
    // (agreement within 3e-13). Shapes below 1 give densities unbounded at an end.
    [InlineData(9.5, 17.5, 4.5, 21.5, 0.1, 0.9908036963382777)]
    [InlineData(9, 17, 4, 22, -0.05, 0.89266726008739061)]
    [InlineData(0.5, 25.5, 3.5, 22.5, 0.15, 0.71742460669753605)]
    [InlineData(3.5, 22.5, 0.5, 25.5, 0.05, 0.99433869766682648)]
    [InlineData(1, 1, 1, 1, 0.2, 0.67999999999999972)]
    [InlineData(60, 40, 45, 55, -0.1, 0.76453426299796035)]
    [InlineData(200, 100, 150, 150, 0.02, 0.99999837357461629)]
    [InlineData(0.5, 0.5, 0.5, 0.5, 0.3, 0.71916259140304495)]
    [InlineData(2.5, 3.5, 0.5, 6.5, 0, 0.95904134111120742)]
    [InlineData(13.5, 12.5, 7.5, 18.5, -0.2, 0.59986724270690295)]
    [InlineData(1, 1, 1, 1, -0.3, 0.24499999999999994)]
    [InlineData(0.3, 2, 5, 0.7, 0.25, 0.041705106278738475)]
    public void ProbabilityExceeds_MatchesRIntegrate(double aE, double bE, double aC, double bC, double margin, double probability) =>
        Assert.Equal(probability, BetaBinomialPosterior.ProbabilityExceeds(aE, bE, aC, bC, margin), 1e-8);

    [Fact]
    public void ProbabilityExceeds_UniformPriors_MatchesGeometry()
    {
        // p_E, p_C uniform: P(p_E > p_C - m) = 1 - (1 - m)^2 / 2 for m >= 0, (1 + m)^2 / 2 for m < 0.
        foreach (double margin in new[] { -0.9, -0.5, -0.1, 0, 0.05, 0.5, 0.95 })
        {
            double expected = margin >= 0 ? 1 - (1 - margin) * (1 - margin) / 2 : (1 + margin) * (1 + margin) / 2;
            Assert.Equal(expected, BetaBinomialPosterior.ProbabilityExceeds(1, 1, 1, 1, margin), 1e-12);
        }
    }

    [Fact]
    public void ProbabilityExceeds_SwappingArmsAndNegatingMargin_GivesTheComplement()
    {
        // P(p_E > p_C - m) + P(p_C > p_E + m) = 1 for continuous posteriors.
        foreach (double margin in new[] { -0.2, 0, 0.1 })
        {
            double forward = BetaBinomialPosterior.ProbabilityExceeds(0.5 + 7, 0.5 + 18, 0.5 + 3, 0.5 + 22, margin);
            double backward = BetaBinomialPosterior.ProbabilityExceeds(0.5 + 3, 0.5 + 22, 0.5 + 7, 0.5 + 18, -margin);
            Assert.Equal(1.0, forward + backward, 1e-12);
        }
    }

    [Fact]
    public void FromPrior_AddsSuccessesAndFailures()
    {
        var posterior = BetaBinomialPosterior.FromPrior(0.5, 1.5, 6, 10);
        Assert.Equal(new BetaBinomialPosterior(6.5, 5.5), posterior);
        Assert.Equal(6.5 / 12, posterior.Mean, 1e-15);
        Assert.Equal(6.5 * 5.5 / (144 * 13), posterior.Variance, 1e-15);
    }

    [Fact]
    public void RejectsBadInput()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BetaBinomialPosterior.ProbabilityExceeds(0, 1, 1, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BetaBinomialPosterior.ProbabilityExceeds(1, double.NaN, 1, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BetaBinomialPosterior.ProbabilityExceeds(1, 1, 1, double.PositiveInfinity, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BetaBinomialPosterior.ProbabilityExceeds(1, 1, 1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BetaBinomialPosterior.ProbabilityExceeds(1, 1, 1, 1, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => BetaBinomialPosterior.FromPrior(1, 1, 3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => BetaBinomialPosterior.FromPrior(-1, 1, 0, 2));
    }

    [Fact]
    public void ProbabilityExceeds_AllocatesNothing()
    {
        BetaBinomialPosterior.ProbabilityExceeds(3.5, 22.5, 0.5, 25.5, 0.05); // warm up: JIT and node tables
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < 50; i++)
        {
            sum += BetaBinomialPosterior.ProbabilityExceeds(1 + i % 25, 26 - i % 25, 4.5, 21.5, 0.01 * (i % 5));
        }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sum > 0);
    }
}

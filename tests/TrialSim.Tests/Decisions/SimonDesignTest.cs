using MathNet.Numerics.Distributions;
using TrialSim.Decisions;

namespace TrialSim.Tests.Decisions;

public class SimonDesignTest
{
    // Naive reference: every (x1, x2) outcome of the two stages, weighted by its binomial probabilities.
    // The second stage counts only when the first goes on (x1 > r1); rejection needs x1 + x2 > r.
    private static double EnumeratedRejection(SimonDesign design, double p)
    {
        double sum = 0;
        for (int x1 = 0; x1 <= design.FirstStageSize; x1++)
        {
            for (int x2 = 0; x2 <= design.TotalSize - design.FirstStageSize; x2++)
            {
                if (x1 > design.FirstStageMaxResponses && x1 + x2 > design.MaxResponses)
                    sum += Binomial.PMF(p, design.FirstStageSize, x1) * Binomial.PMF(p, design.TotalSize - design.FirstStageSize, x2);
            }
        }
        return sum;
    }

    public static TheoryData<int, int, int, int> Designs => new()
    {
        // r1/n1, r/n from Simon (1989) Table 1 and a few odd shapes (r = r1, r near n).
        { 9, 0, 17, 2 }, { 10, 1, 29, 5 }, { 13, 3, 43, 12 }, { 24, 8, 63, 24 }, { 5, 2, 6, 2 }, { 4, 0, 30, 28 },
    };

    [Theory]
    [MemberData(nameof(Designs))]
    public void RejectionProbability_MatchesEnumerationOfBothStages(int n1, int r1, int n, int r)
    {
        var design = new SimonDesign(n1, r1, n, r);
        foreach (double p in new[] { 0.0, 0.05, 0.15, 0.35, 0.5, 0.9, 1.0 })
            Assert.Equal(EnumeratedRejection(design, p), design.RejectionProbability(p), 1e-13);
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public void EarlyStopAndExpectedSize_MatchTheirDefinitions(int n1, int r1, int n, int r)
    {
        var design = new SimonDesign(n1, r1, n, r);
        foreach (double p in new[] { 0.05, 0.3, 0.7 })
        {
            double stop = Enumerable.Range(0, r1 + 1).Sum(x => Binomial.PMF(p, n1, x));
            Assert.Equal(stop, design.EarlyStopProbability(p), 1e-13);
            Assert.Equal(stop * n1 + (1 - stop) * n, design.ExpectedSampleSize(p), 1e-11);
        }
    }

    [Fact]
    public void OperatingCharacteristics_MatchSimonTable1()
    {
        // Simon (1989) Table 1, p0 = 0.10, p1 = 0.30, alpha 0.05, beta 0.20, optimal 1/10, 5/29: EN(p0) 15.0,
        // PET(p0) 0.74. Full precision from simon_brute_force.R (R's dbinom / pbinom).
        var design = new SimonDesign(10, 1, 29, 5);
        Assert.Equal(15.014120347100004, design.ExpectedSampleSize(0.10), 1e-11);
        Assert.Equal(0.73609892909999974, design.EarlyStopProbability(0.10), 1e-13);
        Assert.Equal(0.047086306643891331, design.RejectionProbability(0.10), 1e-13);
        Assert.Equal(0.80506291315032485, design.RejectionProbability(0.30), 1e-13);
        Assert.Equal("1/10, 5/29", design.ToString());
    }

    [Theory]
    [InlineData(0, 0, 10, 2)]   // no first stage
    [InlineData(10, 1, 10, 2)]  // no second stage
    [InlineData(10, 10, 29, 12)] // stops whatever happens
    [InlineData(10, -1, 29, 5)]
    [InlineData(10, 3, 29, 2)]  // r below r1
    [InlineData(10, 1, 29, 29)] // cannot reject
    public void Construction_RejectsImpossibleBoundaries(int n1, int r1, int n, int r)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimonDesign(n1, r1, n, r));
    }

    [Fact]
    public void Members_RejectRatesOutsideTheUnitInterval()
    {
        var design = new SimonDesign(10, 1, 29, 5);
        Assert.Throws<ArgumentOutOfRangeException>(() => design.RejectionProbability(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => design.EarlyStopProbability(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => design.ExpectedSampleSize(-0.1));
    }
}

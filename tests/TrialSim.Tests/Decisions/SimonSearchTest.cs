using MathNet.Numerics.Distributions;
using TrialSim.Decisions;

namespace TrialSim.Tests.Decisions;

public class SimonSearchTest
{
    // Optimal then minimax designs as r1/n1, r/n with EN(p0) and PET(p0) at full precision. Source: the plain
    // R brute force beside this file (simon_brute_force.R; clinfun::ph2simon could not be installed here).
    // Where Simon R. (1989) "Optimal two-stage designs for phase II clinical trials", Controlled Clinical
    // Trials 10:1-10, Table 1 (p1 - p0 = 0.20) lists the case, the designs and the rounded EN(p0) and PET(p0)
    // printed there are the same:
    //   p0 0.05, alpha 0.05, beta 0.20: optimal 0/9, 2/17 (12.0, 0.63); minimax 0/12, 2/16 (13.8, 0.54)
    //   p0 0.10, alpha 0.05, beta 0.20: optimal 1/10, 5/29 (15.0, 0.74); minimax 1/15, 5/25 (19.5, 0.55)
    //   p0 0.20, alpha 0.05, beta 0.20: optimal 3/13, 12/43 (20.6, 0.75); minimax 4/18, 10/33 (22.3, 0.72)
    // p0 0.15 against 0.35 is SSG XXV's pair of hypotheses (not in Simon's tables).
    public static TheoryData<double, double, double, double, int[], double[], int[], double[]> Table => new()
    {
        { 0.05, 0.25, 0.05, 0.20, [0, 9, 2, 17], [11.958004722203126, 0.63024940972460919], [0, 12, 2, 16], [13.838559649349452, 0.54036008766263688] },
        { 0.10, 0.30, 0.05, 0.20, [1, 10, 5, 29], [15.014120347100004, 0.73609892909999974], [1, 15, 5, 25], [19.509569810809364, 0.54904301891906371] },
        { 0.20, 0.40, 0.05, 0.20, [3, 13, 12, 43], [20.580270714880008, 0.74732430950399975], [4, 18, 10, 33], [22.254692764070708, 0.71635381572861956] },
        { 0.15, 0.35, 0.05, 0.20, [1, 9, 8, 34], [19.013021122851566, 0.59947915508593741], [2, 15, 7, 28], [20.145072346767378, 0.60422520409481706] },
        { 0.05, 0.25, 0.10, 0.10, [0, 9, 2, 24], [14.546258854130862, 0.63024940972460919], [0, 13, 2, 20], [16.406605417043462, 0.51334208327950526] },
        { 0.10, 0.30, 0.10, 0.10, [1, 12, 5, 35], [19.842948208853006, 0.65900225178899974], [1, 16, 4, 25], [20.367449527870402, 0.51472783023662205] },
        { 0.30, 0.50, 0.05, 0.10, [8, 24, 24, 63], [34.723555767441859, 0.72503703160405497], [7, 24, 21, 53], [36.624453711930492, 0.56467400993343131] },
        { 0.50, 0.70, 0.05, 0.20, [8, 15, 26, 43], [23.501342773437507, 0.69638061523437478], [12, 23, 23, 37], [27.743476390838623, 0.66118025779724121] },
        // A minimax design that nearly always stops early under p0 (PET 0.95).
        { 0.70, 0.90, 0.05, 0.20, [4, 6, 22, 27], [14.823674999999996, 0.57982500000000015], [19, 23, 21, 26], [23.161531463892885, 0.94615617870237156] },
        // p1 - p0 = 0.15, with n up to 67.
        { 0.60, 0.75, 0.05, 0.20, [17, 27, 46, 67], [39.349019999676287, 0.69127450000809276], [18, 30, 43, 62], [43.794895980174331, 0.56890950061955214] },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Optimal_And_Minimax_MatchReference(double p0, double p1, double alpha, double beta,
        int[] optimal, double[] optimalCharacteristics, int[] minimax, double[] minimaxCharacteristics)
    {
        Check(SimonSearch.Optimal(p0, p1, alpha, beta), optimal, optimalCharacteristics);
        Check(SimonSearch.Minimax(p0, p1, alpha, beta), minimax, minimaxCharacteristics);

        void Check(SimonDesign design, int[] boundaries, double[] characteristics)
        {
            Assert.Equal(new SimonDesign(boundaries[1], boundaries[0], boundaries[3], boundaries[2]), design);
            Assert.Equal(characteristics[0], design.ExpectedSampleSize(p0), 1e-10);
            Assert.Equal(characteristics[1], design.EarlyStopProbability(p0), 1e-12);
            Assert.True(design.RejectionProbability(p0) <= alpha);
            Assert.True(design.RejectionProbability(p1) >= 1 - beta);
        }
    }

    // A naive reference, slow but obvious: every design with n <= maxTotal, its error rates by direct sums
    // over the first stage (MathNet's binomial, not the search's log-gamma tables), the feasible ones ordered
    // by the documented criteria and tie-breaks.
    private static (SimonDesign Optimal, SimonDesign Minimax) BruteForce(double p0, double p1, double alpha, double beta, int maxTotal)
    {
        double[][] Probabilities(double p) => Enumerable.Range(0, maxTotal + 1)
            .Select(m => Enumerable.Range(0, m + 1).Select(x => Binomial.PMF(p, m, x)).ToArray()).ToArray();
        var null0 = Probabilities(p0);
        var alternative = Probabilities(p1);
        double Rejection(double[][] b, int n1, int r1, int n, int r) =>
            Enumerable.Range(r1 + 1, n1 - r1).Sum(x1 => b[n1][x1] * b[n - n1].Where((_, x2) => x1 + x2 > r).Sum());

        var feasible = (
            from n in Enumerable.Range(2, maxTotal - 1)
            from n1 in Enumerable.Range(1, n - 1)
            from r1 in Enumerable.Range(0, n1)
            from r in Enumerable.Range(r1, n - r1)
            where Rejection(null0, n1, r1, n, r) <= alpha && Rejection(alternative, n1, r1, n, r) >= 1 - beta
            let design = new SimonDesign(n1, r1, n, r)
            select (Design: design, Expected: design.ExpectedSampleSize(p0))).ToList();
        var optimal = feasible.OrderBy(d => d.Expected).ThenBy(d => d.Design.TotalSize).ThenBy(d => d.Design.FirstStageSize)
            .ThenByDescending(d => d.Design.MaxResponses).First().Design;
        var minimax = feasible.OrderBy(d => d.Design.TotalSize).ThenBy(d => d.Expected).ThenBy(d => d.Design.FirstStageSize)
            .ThenByDescending(d => d.Design.MaxResponses).First().Design;
        return (optimal, minimax);
    }

    [Theory]
    [InlineData(0.05, 0.25, 0.05, 0.20, 22)]
    [InlineData(0.10, 0.30, 0.05, 0.20, 30)]
    [InlineData(0.33, 0.58, 0.10, 0.20, 26)]
    [InlineData(0.70, 0.90, 0.05, 0.20, 28)]
    [InlineData(0.05, 0.25, 0.10, 0.10, 24)] // maxTotal right at the optimal n
    public void Search_MatchesNaiveEnumerationOfAllDesigns(double p0, double p1, double alpha, double beta, int maxTotal)
    {
        var (optimal, minimax) = BruteForce(p0, p1, alpha, beta, maxTotal);
        Assert.Equal(optimal, SimonSearch.Optimal(p0, p1, alpha, beta, maxTotal));
        Assert.Equal(minimax, SimonSearch.Minimax(p0, p1, alpha, beta, maxTotal));
    }

    [Fact]
    public void Search_ThrowsWhenNoDesignFitsUnderMaxTotal()
    {
        // The minimax n for 0.05 against 0.25 at alpha 0.05, beta 0.20 is 16.
        var error = Assert.Throws<InvalidOperationException>(() => SimonSearch.Optimal(0.05, 0.25, 0.05, 0.20, maxTotal: 15));
        Assert.Contains("raise maxTotal", error.Message);
        Assert.Throws<InvalidOperationException>(() => SimonSearch.Minimax(0.05, 0.25, 0.05, 0.20, maxTotal: 15));
        Assert.Equal(16, SimonSearch.Minimax(0.05, 0.25, 0.05, 0.20, maxTotal: 16).TotalSize);
    }

    [Theory]
    [InlineData(0.0, 0.3, 0.05, 0.2, 100, "p0")]
    [InlineData(0.3, 0.3, 0.05, 0.2, 100, "p1")]
    [InlineData(0.1, 1.0, 0.05, 0.2, 100, "p1")]
    [InlineData(0.1, 0.3, double.NaN, 0.2, 100, "alpha")]
    [InlineData(0.1, 0.3, 0.05, 1.0, 100, "beta")]
    [InlineData(0.1, 0.3, 0.05, 0.2, 1, "maxTotal")]
    [InlineData(0.1, 0.3, 0.05, 0.2, 1001, "maxTotal")]
    public void Search_RejectsBadArgumentsByName(double p0, double p1, double alpha, double beta, int maxTotal, string name)
    {
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => SimonSearch.Optimal(p0, p1, alpha, beta, maxTotal)).ParamName);
        Assert.Equal(name, Assert.Throws<ArgumentOutOfRangeException>(() => SimonSearch.Minimax(p0, p1, alpha, beta, maxTotal)).ParamName);
    }
}

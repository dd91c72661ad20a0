using System.Numerics;
using TrialSim.Analyses;

namespace TrialSim.Tests.Analyses;

public class FisherExactTestTest
{
    private static FisherExactSpec Spec(double landmark = 24, double alpha = 0.05, double level = 0.90) =>
        new("fisher", alpha, level, "maintained", "not maintained", landmark);

    [Theory]
    // R: fisher.test(matrix(c(xE, nE - xE, xC, nC - xC), 2, byrow = TRUE), alternative = "greater")$p.value.
    [InlineData(8, 25, 3, 25, 0.085311176400901495)]
    [InlineData(12, 25, 5, 25, 0.035883713210803116)]
    [InlineData(3, 25, 8, 25, 0.98128516923719555)]
    [InlineData(25, 25, 0, 25, 7.910728602448611e-15)]
    [InlineData(0, 25, 0, 25, 1)]
    [InlineData(7, 12, 2, 13, 0.033495759860008092)]
    [InlineData(20, 25, 18, 25, 0.37082166334166677)]
    [InlineData(1, 1, 0, 1, 0.49999999999999989)]
    [InlineData(40, 100, 25, 90, 0.052290367399032256)]
    [InlineData(5, 10, 5, 10, 0.67185910065167032)]
    [InlineData(13, 25, 4, 25, 0.0078263054452093819)]
    [InlineData(0, 25, 25, 25, 1)]
    [InlineData(150, 300, 120, 300, 0.0086240841849755424)]
    public void UpperTail_MatchesR(int experimentalSuccesses, int experimentalTotal, int controlSuccesses, int controlTotal, double pValue) =>
        Assert.Equal(pValue, FisherExactTest.UpperTail(experimentalSuccesses, experimentalTotal, controlSuccesses, controlTotal), 1e-10);

    [Fact]
    public void UpperTail_TinyPValue_KeepsRelativePrecision()
    {
        // R: 7.910728602448611e-15 for 25 of 25 against 0 of 25, that is 1 / choose(50, 25).
        Assert.Equal(7.910728602448611e-15, FisherExactTest.UpperTail(25, 25, 0, 25), 1e-24);
    }

    // The hypergeometric tail in exact integer arithmetic, straight from the definition.
    private static double NaiveUpperTail(int xE, int nE, int xC, int nC)
    {
        int m = xE + xC, n = nE + nC;
        BigInteger numerator = 0;
        for (int k = xE; k <= Math.Min(m, nE); k++) numerator += Choose(m, k) * Choose(n - m, nE - k);
        return (double)numerator / (double)Choose(n, nE);
    }

    private static BigInteger Choose(int n, int k)
    {
        if (k < 0 || k > n) return 0;
        BigInteger result = 1;
        for (int i = 1; i <= k; i++) result = result * (n - k + i) / i;
        return result;
    }

    [Fact]
    public void UpperTail_MatchesExactArithmeticOnEveryTableUpTo30PerArm()
    {
        foreach (int nE in new[] { 1, 2, 7, 12, 25, 30 })
        {
            foreach (int nC in new[] { 1, 3, 13, 25 })
            {
                for (int xE = 0; xE <= nE; xE++)
                {
                    for (int xC = 0; xC <= nC; xC++)
                    {
                        Assert.Equal(NaiveUpperTail(xE, nE, xC, nC), FisherExactTest.UpperTail(xE, nE, xC, nC), 1e-12);
                    }
                }
            }
        }
    }

    [Fact]
    public void Analyze_Aml_MatchesR()
    {
        // Evaluable at 24: maintained 6 free of events, 4 failures; not maintained 5 and 6.
        // R: fisher.test(matrix(c(6, 4, 5, 6), 2, byrow = TRUE), alternative = "greater")$p.value;
        // the interval is the Wald one of LandmarkRateDifferenceTest's binary estimator (R, as there).
        var (time, isEvent, group) = AmlData.AllSortedWithGroup();
        var result = FisherExactTest.Analyze(time, isEvent, group, Spec());
        Assert.Equal(0.40997856632531537, result.PValue, 1e-12);
        Assert.Equal(0.14545454545454545, result.Estimate, 1e-12);
        Assert.Equal(-0.20938976990730124, result.Lower, 1e-12);
        Assert.Equal(0.50029886081639208, result.Upper, 1e-12);
        Assert.False(result.Reject);
        Assert.Equal(21, result.Analysed);
        Assert.Equal(10, result.Events);
    }

    [Fact]
    public void Analyze_GistTenSized_RejectsAtTheExactBoundary()
    {
        // 25 against 25, everyone followed past the landmark: 13 of 25 free of events against 4 of 25 gives
        // p = 0.0078 (R above), a rejection; 8 against 3 gives 0.085, none.
        var (time, isEvent, group) = Table(13, 25, 4, 25);
        var strong = FisherExactTest.Analyze(time, isEvent, group, Spec(landmark: 6));
        Assert.Equal(0.0078263054452093819, strong.PValue, 1e-12);
        Assert.True(strong.Reject);
        Assert.Equal(50, strong.Analysed);
        Assert.Equal(33, strong.Events);
        (time, isEvent, group) = Table(8, 25, 3, 25);
        Assert.False(FisherExactTest.Analyze(time, isEvent, group, Spec(landmark: 6)).Reject);
    }

    [Fact]
    public void Analyze_IgnoresThirdGroupAndUnevaluable()
    {
        // Landmark 12 on TiedTwoArmData; group 2 must make no difference.
        var result = FisherExactTest.Analyze(TiedTwoArmData.Time, TiedTwoArmData.IsEvent, TiedTwoArmData.Group, Spec(landmark: 12));
        var withoutThird = LandmarkRateDifferenceTestTest.Without2(TiedTwoArmData.Time, TiedTwoArmData.IsEvent, TiedTwoArmData.Group);
        Assert.Equal(result, FisherExactTest.Analyze(withoutThird.Time, withoutThird.IsEvent, withoutThird.Group, Spec(landmark: 12)));
        // Group 1: failures at 2, 7, 8, 12 (4); successes 12c, 15c, 15, 18c, 20c (5); censored at 3, 6 left out.
        // Group 0: failures at 3, 3, 6, 6, 12 (5); successes 14, 16, 20 (3); censored at 8, 10 left out.
        Assert.Equal(5.0 / 9.0 - 3.0 / 8.0, result.Estimate, 1e-14);
        Assert.Equal(NaiveUpperTail(5, 9, 3, 8), result.PValue, 1e-12);
        Assert.Equal(17, result.Analysed);
        Assert.Equal(9, result.Events);
    }

    [Fact]
    public void Analyze_NobodyEvaluableInAGroup_IsUndefined()
    {
        // Control censored before the landmark only.
        var result = FisherExactTest.Analyze([1, 2, 8], [false, true, false], [0, 1, 1], Spec(landmark: 5));
        Assert.True(double.IsNaN(result.Estimate));
        Assert.Equal(1.0, result.PValue);
        Assert.Equal(2, result.Analysed);
    }

    [Fact]
    public void RejectsBadInput()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FisherExactTest.UpperTail(3, 2, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => FisherExactTest.UpperTail(0, 2, -1, 1));
        Assert.Throws<ArgumentException>(() => FisherExactTest.Analyze([1, 2], [true, true], [1, 0, 1], Spec()));
        Assert.Throws<ArgumentOutOfRangeException>(() => FisherExactTest.Analyze([1], [true], [1], Spec(landmark: -1)));
    }

    [Fact]
    public void Analyze_AllocatesNothing()
    {
        var (time, isEvent, group) = AmlData.AllSortedWithGroup();
        var spec = Spec();
        FisherExactTest.Analyze(time, isEvent, group, spec); // warm up: JIT
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < 200; i++)
        {
            sum += FisherExactTest.Analyze(time, isEvent, group, spec).PValue + FisherExactTest.UpperTail(i % 26, 25, 7, 25);
        }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sum > 0);
    }

    /// <summary>A trial where everyone is followed past month 6: xE of nE and xC of nC free of events then.</summary>
    internal static (double[] Time, bool[] IsEvent, byte[] Group) Table(int xE, int nE, int xC, int nC)
    {
        var rows = new List<(double Time, bool IsEvent, byte Group)>();
        for (int i = 0; i < nE; i++) rows.Add(i < xE ? (12.0, false, (byte)1) : (3.0, true, (byte)1));
        for (int i = 0; i < nC; i++) rows.Add(i < xC ? (12.0, false, (byte)0) : (3.0, true, (byte)0));
        rows.Sort((a, b) => a.Time.CompareTo(b.Time));
        return (rows.Select(r => r.Time).ToArray(), rows.Select(r => r.IsEvent).ToArray(), rows.Select(r => r.Group).ToArray());
    }
}

using TrialSim.Analyses;

namespace TrialSim.Tests.Analyses;

public class LandmarkRateDifferenceTestTest
{
    private static LandmarkRateDifferenceSpec Spec(RateEstimator estimator, double landmark = 24, double margin = 0, double alpha = 0.05, double level = 0.90) =>
        new("rate difference", alpha, level, "maintained", "not maintained", landmark, estimator, margin);

    [Theory]
    // R: d = S_E(24) - S_C(24) from summary(survfit(Surv(time, status) ~ g, data = aml), times = 24),
    // v = sum of std.err^2, then pnorm(-(d + m) / sqrt(v)) and d -/+ qnorm((1 + level) / 2) sqrt(v).
    [InlineData(0.0, 0.90, 0.12752525252525237, -0.22232681573542545, 0.4773773207859302, 0.27439683288257799)]
    [InlineData(0.1, 0.95, 0.12752525252525237, -0.28934919908089479, 0.54439970413139949, 0.14237140493440917)]
    public void KaplanMeier_Aml_MatchesR(double margin, double level, double estimate, double lower, double upper, double pValue)
    {
        var (time, isEvent, group) = AmlData.AllSortedWithGroup();
        var result = LandmarkRateDifferenceTest.Analyze(time, isEvent, group, Spec(RateEstimator.KaplanMeier, margin: margin, level: level));
        Assert.Equal(estimate, result.Estimate, 1e-12);
        Assert.Equal(lower, result.Lower, 1e-12);
        Assert.Equal(upper, result.Upper, 1e-12);
        Assert.Equal(pValue, result.PValue, 1e-12);
        Assert.False(result.Reject);
        Assert.Equal(23, result.Analysed);
        Assert.Equal(10, result.Events); // 4 maintained + 6 not maintained events by month 24
    }

    [Fact]
    public void Binary_Aml_MatchesR()
    {
        // Evaluable at 24: maintained 6 of 10 free of events (censored at 13 left out), not maintained
        // 5 of 11 (censored at 16 left out). R: p(1-p)/n variances, pnorm(-d / sqrt(v)), qnorm(0.95).
        var (time, isEvent, group) = AmlData.AllSortedWithGroup();
        var result = LandmarkRateDifferenceTest.Analyze(time, isEvent, group, Spec(RateEstimator.Binary));
        Assert.Equal(0.14545454545454545, result.Estimate, 1e-12);
        Assert.Equal(-0.20938976990730124, result.Lower, 1e-12);
        Assert.Equal(0.50029886081639208, result.Upper, 1e-12);
        Assert.Equal(0.25007829173156038, result.PValue, 1e-12);
        Assert.Equal(21, result.Analysed);
        Assert.Equal(10, result.Events);
    }

    [Fact]
    public void KaplanMeier_IgnoresThirdGroup()
    {
        // R (TiedTwoArmData without gg = 2): S_E(12) = 0.56818181818181812, S_C(12) = 0.45000000000000007.
        var result = LandmarkRateDifferenceTest.Analyze(TiedTwoArmData.Time, TiedTwoArmData.IsEvent, TiedTwoArmData.Group, Spec(RateEstimator.KaplanMeier, landmark: 12));
        Assert.Equal(0.56818181818181812 - 0.45000000000000007, result.Estimate, 1e-12);
        double variance = 0.16476382136091505 * 0.16476382136091505 + 0.17428425057933380 * 0.17428425057933380;
        Assert.Equal(result.Estimate - 1.6448536269514722 * Math.Sqrt(variance), result.Lower, 1e-12);
        Assert.Equal(21, result.Analysed); // 23 patients, 2 in group 2
        var withoutThird = Without2(TiedTwoArmData.Time, TiedTwoArmData.IsEvent, TiedTwoArmData.Group);
        Assert.Equal(result, LandmarkRateDifferenceTest.Analyze(withoutThird.Time, withoutThird.IsEvent, withoutThird.Group, Spec(RateEstimator.KaplanMeier, landmark: 12)));
        Assert.Equal(
            LandmarkRateDifferenceTest.Analyze(withoutThird.Time, withoutThird.IsEvent, withoutThird.Group, Spec(RateEstimator.Binary, landmark: 12)),
            LandmarkRateDifferenceTest.Analyze(TiedTwoArmData.Time, TiedTwoArmData.IsEvent, TiedTwoArmData.Group, Spec(RateEstimator.Binary, landmark: 12)));
    }

    [Theory]
    [InlineData(RateEstimator.KaplanMeier)]
    [InlineData(RateEstimator.Binary)]
    public void EmptyGroup_IsUndefined(RateEstimator estimator)
    {
        var result = LandmarkRateDifferenceTest.Analyze([1, 5, 9], [true, false, true], [1, 2, 1], Spec(estimator, landmark: 3));
        Assert.True(double.IsNaN(result.Estimate));
        Assert.Equal(1.0, result.PValue);
        Assert.False(result.Reject);
    }

    [Fact]
    public void KaplanMeier_GroupCensoredBeforeLandmark_IsUndefinedUnlessItsCurveReachedZero()
    {
        // Control censored at 2 and 3: nobody followed to 5, S_C(5) would be carried forward.
        var censored = LandmarkRateDifferenceTest.Analyze([1, 2, 3, 6, 8], [true, false, false, false, true], [1, 0, 0, 1, 1], Spec(RateEstimator.KaplanMeier, landmark: 5));
        Assert.True(double.IsNaN(censored.Estimate));
        // Control's only patient had an event at 2: S_C(5) = 0 is known, not extrapolated.
        var reachedZero = LandmarkRateDifferenceTest.Analyze([1, 2, 6, 8], [true, true, false, true], [1, 0, 1, 1], Spec(RateEstimator.KaplanMeier, landmark: 5));
        Assert.Equal(2.0 / 3.0, reachedZero.Estimate, 1e-14);
    }

    [Theory]
    [InlineData(0.0, 1.0, false)] // d + m = 0 over zero variance: read as no evidence
    [InlineData(0.1, 0.0, true)] // d + m > 0 with no variance: certain
    public void ZeroVariance_NoEventBeforeLandmark_FollowsTheLimitRule(double margin, double pValue, bool reject)
    {
        // No event before the landmark in either group: S = 1 both, Greenwood variance 0, d = 0.
        var result = LandmarkRateDifferenceTest.Analyze([4, 5, 6, 7], [false, true, false, true], [1, 0, 0, 1], Spec(RateEstimator.KaplanMeier, landmark: 3, margin: margin));
        Assert.Equal(new AnalysisResult(0.0, 0.0, 0.0, pValue, reject, 4, 0), result);
    }

    [Fact]
    public void ZeroVariance_Binary_RatesOneAndZero()
    {
        // Experimental all free of events at 3, control all failed: d = 1 > 0 with no variance.
        var better = LandmarkRateDifferenceTest.Analyze([1, 2, 4, 5], [true, true, false, true], [0, 0, 1, 1], Spec(RateEstimator.Binary, landmark: 3));
        Assert.Equal(new AnalysisResult(1.0, 1.0, 1.0, 0.0, true, 4, 2), better);
        // The other way round: d = -1, p-value 1.
        var worse = LandmarkRateDifferenceTest.Analyze([1, 2, 4, 5], [true, true, false, true], [1, 1, 0, 0], Spec(RateEstimator.Binary, landmark: 3, margin: 0.2));
        Assert.Equal(new AnalysisResult(-1.0, -1.0, -1.0, 1.0, false, 4, 2), worse);
    }

    [Fact]
    public void RejectsBadInput()
    {
        var spec = Spec(RateEstimator.KaplanMeier);
        Assert.Throws<ArgumentException>(() => LandmarkRateDifferenceTest.Analyze([1, 2], [true, true], [1], spec));
        Assert.Throws<ArgumentOutOfRangeException>(() => LandmarkRateDifferenceTest.Analyze([1], [true], [1], spec with { NonInferiorityMargin = -0.1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => LandmarkRateDifferenceTest.Analyze([1], [true], [1], spec with { Landmark = double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => LandmarkRateDifferenceTest.Analyze([1], [true], [1], spec with { Estimator = (RateEstimator)7 }));
        Assert.Throws<ArgumentNullException>(() => LandmarkRateDifferenceTest.Analyze([1], [true], [1], null!));
    }

    [Fact]
    public void Analyze_AllocatesNothing()
    {
        var (time, isEvent, group) = AmlData.AllSortedWithGroup();
        var kaplanMeier = Spec(RateEstimator.KaplanMeier);
        var binary = Spec(RateEstimator.Binary);
        LandmarkRateDifferenceTest.Analyze(time, isEvent, group, kaplanMeier); // warm up: JIT
        LandmarkRateDifferenceTest.Analyze(time, isEvent, group, binary);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < 200; i++)
        {
            sum += LandmarkRateDifferenceTest.Analyze(time, isEvent, group, kaplanMeier).PValue
                + LandmarkRateDifferenceTest.Analyze(time, isEvent, group, binary).PValue;
        }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sum > 0);
    }

    internal static (double[] Time, bool[] IsEvent, byte[] Group) Without2(double[] time, bool[] isEvent, byte[] group) =>
        (time.Where((_, i) => group[i] != 2).ToArray(), isEvent.Where((_, i) => group[i] != 2).ToArray(), group.Where(g => g != 2).ToArray());
}

using TrialSim.Analyses;

namespace TrialSim.Tests.Analyses;

public class BayesianRateTestTest
{
    private static BayesianRateSpec Spec(double priorA = 1, double priorB = 1, double margin = 0, double threshold = 0.95, double landmark = 24, double level = 0.90) =>
        new("bayesian", 0.05, level, "maintained", "not maintained", landmark, priorA, priorB, priorA, priorB, margin, threshold);

    [Theory]
    // aml at 24: maintained 6 of 10 evaluable free of events, not maintained 5 of 11. R: posterior means
    // and variances of Beta(a + x, b + n - x), difference -/+ qnorm(0.95) sqrt(vE + vC), and
    // 1 - integrate(function(q) dbeta(q, aC, bC) * (1 - pbeta(q - m, aE, bE)), 0, 1, rel.tol = 1e-12).
    [InlineData(1, 1, 0, 0.12179487179487181, -0.19223030468590535, 0.43582004827564896, 0.26320448968180843)]
    [InlineData(0.5, 0.5, 0.1, 0.13257575757575762, -0.19326244040545548, 0.45841395555697073, 0.12496531602797056)]
    public void Analyze_Aml_MatchesR(double priorA, double priorB, double margin, double estimate, double lower, double upper, double pValue)
    {
        var (time, isEvent, group) = AmlData.AllSortedWithGroup();
        var result = BayesianRateTest.Analyze(time, isEvent, group, Spec(priorA, priorB, margin));
        Assert.Equal(estimate, result.Estimate, 1e-12);
        Assert.Equal(lower, result.Lower, 1e-12);
        Assert.Equal(upper, result.Upper, 1e-12);
        Assert.Equal(pValue, result.PValue, 1e-8);
        Assert.False(result.Reject);
        Assert.Equal(21, result.Analysed);
        Assert.Equal(10, result.Events);
    }

    [Fact]
    public void Analyze_RejectsWhenPosteriorProbabilityExceedsThreshold()
    {
        // 25 against 25: 13 against 4 free of events at month 6, Beta(1, 1) priors.
        var (time, isEvent, group) = FisherExactTestTest.Table(13, 25, 4, 25);
        double probability = BetaBinomialPosterior.ProbabilityExceeds(14, 13, 5, 22, 0);
        Assert.True(probability > 0.99);
        var result = BayesianRateTest.Analyze(time, isEvent, group, Spec(landmark: 6, threshold: 0.99));
        Assert.True(result.Reject);
        Assert.Equal(1 - probability, result.PValue, 1e-15);
        // The threshold is strict: exactly at the probability is not enough.
        Assert.False(BayesianRateTest.Analyze(time, isEvent, group, Spec(landmark: 6, threshold: probability)).Reject);
    }

    [Fact]
    public void Analyze_IgnoresThirdGroup()
    {
        var withoutThird = LandmarkRateDifferenceTestTest.Without2(TiedTwoArmData.Time, TiedTwoArmData.IsEvent, TiedTwoArmData.Group);
        Assert.Equal(
            BayesianRateTest.Analyze(withoutThird.Time, withoutThird.IsEvent, withoutThird.Group, Spec(landmark: 12)),
            BayesianRateTest.Analyze(TiedTwoArmData.Time, TiedTwoArmData.IsEvent, TiedTwoArmData.Group, Spec(landmark: 12)));
    }

    [Fact]
    public void Analyze_NobodyEvaluableInAGroup_IsUndefined()
    {
        var result = BayesianRateTest.Analyze([1, 2, 8], [true, false, false], [1, 0, 2], Spec(landmark: 5));
        Assert.True(double.IsNaN(result.Estimate));
        Assert.Equal(1.0, result.PValue);
        Assert.False(result.Reject);
        Assert.Equal(1, result.Analysed);
        Assert.Equal(1, result.Events);
    }

    [Fact]
    public void RejectsBadInput()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BayesianRateTest.Analyze([1], [true], [1], Spec(threshold: 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => BayesianRateTest.Analyze([1], [true], [1], Spec(margin: -1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => BayesianRateTest.Analyze([1], [true], [1], Spec(priorA: 0)));
        Assert.Throws<ArgumentException>(() => BayesianRateTest.Analyze([1], [true], [1, 0], Spec()));
    }

    [Fact]
    public void Analyze_AllocatesNothing()
    {
        var (time, isEvent, group) = AmlData.AllSortedWithGroup();
        var spec = Spec(0.5, 0.5, 0.05);
        BayesianRateTest.Analyze(time, isEvent, group, spec); // warm up: JIT
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < 50; i++)
        {
            sum += BayesianRateTest.Analyze(time, isEvent, group, spec).PValue;
        }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sum > 0);
    }
}

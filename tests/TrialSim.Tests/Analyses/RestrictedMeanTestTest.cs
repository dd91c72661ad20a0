using TrialSim.Analyses;

namespace TrialSim.Tests.Analyses;

// RestrictedMean (one curve) and RestrictedMeanTest (the difference), against R's survival package.
public class RestrictedMeanTestTest
{
    private static RestrictedMeanSpec Spec(double horizon = 40, double margin = 0, double alpha = 0.05, double level = 0.90) =>
        new("rmst", alpha, level, "maintained", "not maintained", horizon, margin);

    [Theory]
    // R survival 3.x: summary(survfit(Surv(time, status) ~ g, data = aml), rmean = 40)$table[, c("rmean", "se(rmean)")].
    // R's se is sqrt(sum A_j^2 d_j / (n_j (n_j - d_j))) with no n / (n - 1) factor (survival:::survmean).
    [InlineData(1, 28.897727272727270, 3.4675776788915997)]
    [InlineData(0, 21.930555555555557, 3.8356411631845924)]
    public void Estimate_AmlByArm_MatchesR(byte which, double mean, double standardError)
    {
        var (time, isEvent, group) = AmlData.AllSortedWithGroup();
        var estimate = RestrictedMean.Estimate(time, isEvent, group, which, 40);
        Assert.Equal(mean, estimate.Mean, 1e-10);
        Assert.Equal(standardError, estimate.StandardError, 1e-10);
        Assert.False(estimate.IsExtrapolated);
    }

    [Theory]
    // R: summary(survfit(Surv(tt, st) ~ gg, data = d2), rmean = tau)$table on TiedTwoArmData without group 2.
    [InlineData(1, 15, 11.772727272727272, 1.3858808941400047)]
    [InlineData(0, 15, 10.200000000000001, 1.5462858726639137)]
    [InlineData(1, 18, 13.051136363636363, 1.7536189830815598)]
    [InlineData(0, 18, 10.800000000000001, 1.784936973677222)]
    public void Estimate_TiedData_MatchesR(byte which, double horizon, double mean, double standardError)
    {
        var estimate = RestrictedMean.Estimate(TiedTwoArmData.Time, TiedTwoArmData.IsEvent, TiedTwoArmData.Group, which, horizon);
        Assert.Equal(mean, estimate.Mean, 1e-10);
        Assert.Equal(standardError, estimate.StandardError, 1e-10);
    }

    [Fact]
    public void Estimate_SingleGroupOverload_IsTheMaintainedArm()
    {
        var (time, isEvent, group) = AmlData.AllSortedWithGroup();
        Assert.Equal(RestrictedMean.Estimate(time, isEvent, group, 1, 40), RestrictedMean.Estimate(AmlData.MaintainedTime, AmlData.MaintainedIsEvent, 40));
    }

    // The area and the variance straight from the step function, one event time at a time.
    private static (double Mean, double Variance) Naive(double[] time, bool[] isEvent, double horizon)
    {
        var steps = new List<(double Time, double SurvivalAfter, int AtRisk, int Deaths)>();
        double survival = 1;
        foreach (double tj in time.Where((t, i) => isEvent[i] && t <= horizon).Distinct().Order())
        {
            int atRisk = time.Count(t => t >= tj);
            int deaths = time.Where((t, i) => t == tj && isEvent[i]).Count();
            survival *= 1.0 - (double)deaths / atRisk;
            steps.Add((tj, survival, atRisk, deaths));
        }
        double AreaFrom(double from)
        {
            double area = 0, s = 1, left = 0;
            foreach (var step in steps)
            {
                area += s * Math.Max(0, step.Time - Math.Max(left, from));
                left = step.Time;
                s = step.SurvivalAfter;
            }
            return area + s * (horizon - Math.Max(left, from));
        }
        double variance = steps.Where(s => s.AtRisk > s.Deaths)
            .Sum(s => Math.Pow(AreaFrom(s.Time), 2) * s.Deaths / ((double)s.AtRisk * (s.AtRisk - s.Deaths)));
        return (AreaFrom(0), variance);
    }

    [Fact]
    public void Estimate_MatchesNaiveOnRandomDataWithTies()
    {
        var random = new Random(20250215);
        for (int replicate = 0; replicate < 300; replicate++)
        {
            int n = random.Next(1, 41);
            double[] time = Enumerable.Range(0, n).Select(_ => (double)random.Next(1, 16)).Order().ToArray();
            bool[] isEvent = time.Select(_ => random.NextDouble() < 0.6).ToArray();
            byte[] group = time.Select(_ => (byte)random.Next(0, 3)).ToArray();
            for (byte which = 0; which <= 2; which++)
            {
                double[] groupTime = time.Where((_, i) => group[i] == which).ToArray();
                bool[] groupIsEvent = isEvent.Where((_, i) => group[i] == which).ToArray();
                foreach (double horizon in new[] { 0.0, 2.5, 7, 12, 15 })
                {
                    var fast = RestrictedMean.Estimate(time, isEvent, group, which, horizon);
                    var naive = Naive(groupTime, groupIsEvent, horizon);
                    Assert.Equal(naive.Mean, fast.Mean, 1e-11);
                    Assert.Equal(naive.Variance, fast.Variance, 1e-11);
                    Assert.Equal(groupTime.Length, fast.Patients);
                    Assert.Equal(groupIsEvent.Where((e, i) => e && groupTime[i] <= horizon).Count(), fast.Events);
                    bool beyond = groupTime.Length == 0 || horizon > groupTime[^1];
                    Assert.Equal(beyond && NaiveSurvivalAtEnd(groupTime, groupIsEvent) > 0, fast.IsExtrapolated);
                }
            }
        }
    }

    private static double NaiveSurvivalAtEnd(double[] time, bool[] isEvent) =>
        time.Length == 0 ? 1 : KaplanMeier.At(time, isEvent, time[^1]).Survival;

    [Theory]
    // R: d and v from the aml table above, pnorm(-(d + m) / sqrt(v)), d -/+ qnorm((1 + level) / 2) sqrt(v).
    [InlineData(0, 0.90, 6.9671717171717127, -1.5378887738875449, 15.47223220823097, 0.088920816097776287, false)]
    [InlineData(3, 0.95, 6.9671717171717127, -3.1672329348128585, 17.101576369156284, 0.026951103349853647, true)]
    public void Analyze_Aml_MatchesR(double margin, double level, double estimate, double lower, double upper, double pValue, bool reject)
    {
        var (time, isEvent, group) = AmlData.AllSortedWithGroup();
        var result = RestrictedMeanTest.Analyze(time, isEvent, group, Spec(margin: margin, level: level));
        Assert.Equal(estimate, result.Estimate, 1e-10);
        Assert.Equal(lower, result.Lower, 1e-10);
        Assert.Equal(upper, result.Upper, 1e-10);
        Assert.Equal(pValue, result.PValue, 1e-10);
        Assert.Equal(reject, result.Reject);
        Assert.Equal(23, result.Analysed);
        Assert.Equal(15, result.Events);
    }

    [Fact]
    public void Analyze_IgnoresThirdGroup()
    {
        var result = RestrictedMeanTest.Analyze(TiedTwoArmData.Time, TiedTwoArmData.IsEvent, TiedTwoArmData.Group, Spec(horizon: 18));
        Assert.Equal(13.051136363636363 - 10.800000000000001, result.Estimate, 1e-10);
        Assert.Equal(21, result.Analysed);
        var withoutThird = LandmarkRateDifferenceTestTest.Without2(TiedTwoArmData.Time, TiedTwoArmData.IsEvent, TiedTwoArmData.Group);
        Assert.Equal(result, RestrictedMeanTest.Analyze(withoutThird.Time, withoutThird.IsEvent, withoutThird.Group, Spec(horizon: 18)));
    }

    [Fact]
    public void Analyze_HorizonBeyondAGroupsLastObservation_IsUndefinedUnlessItsCurveReachedZero()
    {
        // aml maintained ends with a censoring at 161, its curve above 0: horizon 200 is extrapolation.
        // (Not maintained ends with an event at 45 with one at risk, so its curve is 0 from there on.)
        var (time, isEvent, group) = AmlData.AllSortedWithGroup();
        Assert.True(double.IsNaN(RestrictedMeanTest.Analyze(time, isEvent, group, Spec(horizon: 200)).Estimate));
        // Exactly at the last observation is allowed (survRM2 allows tau up to the smaller last time).
        Assert.False(double.IsNaN(RestrictedMeanTest.Analyze(time, isEvent, group, Spec(horizon: 161)).Estimate));
        // Control's curve reaches 0 at 4: its area up to 10 is 1 * 2 + 0.5 * 2 = 3, complete.
        var reachedZero = RestrictedMeanTest.Analyze([2, 4, 6, 12], [true, true, true, false], [0, 0, 1, 1], Spec(horizon: 10));
        Assert.Equal((6 + 0.5 * 4) - 3.0, reachedZero.Estimate, 1e-14);
    }

    [Fact]
    public void Analyze_EmptyGroup_IsUndefined()
    {
        var result = RestrictedMeanTest.Analyze([1, 5, 9], [true, false, true], [1, 2, 1], Spec(horizon: 3));
        Assert.True(double.IsNaN(result.Estimate));
        Assert.Equal(1.0, result.PValue);
        Assert.Equal(2, result.Analysed);
        Assert.Equal(1, result.Events);
    }

    [Fact]
    public void Analyze_NoEventBeforeHorizon_FollowsZeroVarianceRule()
    {
        // Both curves flat at 1 up to 3: both RMSTs 3, d = 0, variance 0; margin 0.5 > 0 makes it certain.
        var none = RestrictedMeanTest.Analyze([4, 5, 6, 7], [true, true, false, true], [1, 0, 1, 0], Spec(horizon: 3));
        Assert.Equal(new AnalysisResult(0, 0, 0, 1, false, 4, 0), none);
        var withMargin = RestrictedMeanTest.Analyze([4, 5, 6, 7], [true, true, false, true], [1, 0, 1, 0], Spec(horizon: 3, margin: 0.5));
        Assert.Equal(new AnalysisResult(0, 0, 0, 0, true, 4, 0), withMargin);
    }

    [Fact]
    public void RejectsBadInput()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RestrictedMeanTest.Analyze([1], [true], [1], Spec(horizon: double.PositiveInfinity)));
        Assert.Throws<ArgumentOutOfRangeException>(() => RestrictedMeanTest.Analyze([1], [true], [1], Spec(margin: -1)));
        Assert.Throws<ArgumentException>(() => RestrictedMeanTest.Analyze([1, 2], [true, true], [1], Spec()));
        Assert.Throws<ArgumentException>(() => RestrictedMean.Estimate([2, 1], [true, true], 5));
    }

    [Fact]
    public void Analyze_AllocatesNothing()
    {
        var (time, isEvent, group) = AmlData.AllSortedWithGroup();
        var spec = Spec();
        RestrictedMeanTest.Analyze(time, isEvent, group, spec); // warm up: JIT
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < 200; i++)
        {
            sum += RestrictedMeanTest.Analyze(time, isEvent, group, spec).Estimate + RestrictedMean.Estimate(time, isEvent, 20 + i % 20).Mean;
        }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sum > 0);
    }
}

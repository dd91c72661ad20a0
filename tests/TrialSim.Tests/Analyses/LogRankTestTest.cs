using TrialSim.Analyses;

namespace TrialSim.Tests.Analyses;

public class LogRankTestTest
{
    private static LogRankSpec Spec(bool stratified = false, double alpha = 0.05, double level = 0.90) =>
        new("log-rank", alpha, level, "maintained", "observation", stratified);

    [Fact]
    public void Analyze_Aml_MatchesR()
    {
        // From R survival 3.5.3 survdiff on aml (arm 1 = maintained): z = (O1 - E1) / sqrt(V),
        // pnorm(z), exp((O1 - E1) / V) and exp((O1 - E1) / V -/+ qnorm(0.95) / sqrt(V)).
        var (time, isEvent, group) = AmlData.AllSortedWithGroup();
        var result = LogRankTest.Analyze(time, isEvent, group, [], 1, Spec());
        Assert.Equal(0.0326696610202525, result.PValue, 1e-10);
        Assert.True(result.Reject);
        Assert.Equal(0.398281514420234, result.Estimate, 1e-10);
        Assert.Equal(0.175126296721481, result.Lower, 1e-10);
        Assert.Equal(0.905792948851968, result.Upper, 1e-10);
        Assert.Equal(23, result.Analysed);
        Assert.Equal(18, result.Events);

        Assert.False(LogRankTest.Analyze(time, isEvent, group, [], 1, Spec(alpha: 0.025)).Reject);
    }

    [Fact]
    public void Analyze_StratifiedFlag_ChoosesTheStatistic()
    {
        var stratified = LogRank.Compute(TiedStrataData.Time, TiedStrataData.IsEvent, TiedStrataData.Group, TiedStrataData.Stratum, 2);
        var pooled = LogRank.Compute(TiedStrataData.Time, TiedStrataData.IsEvent, TiedStrataData.Group, [], 1);
        var withStrata = LogRankTest.Analyze(TiedStrataData.Time, TiedStrataData.IsEvent, TiedStrataData.Group, TiedStrataData.Stratum, 2, Spec(stratified: true));
        var withoutStrata = LogRankTest.Analyze(TiedStrataData.Time, TiedStrataData.IsEvent, TiedStrataData.Group, TiedStrataData.Stratum, 2, Spec(stratified: false));
        Assert.Equal(MathNet.Numerics.Distributions.Normal.CDF(0, 1, stratified.Z), withStrata.PValue, 1e-15);
        Assert.Equal(MathNet.Numerics.Distributions.Normal.CDF(0, 1, pooled.Z), withoutStrata.PValue, 1e-15);
        Assert.NotEqual(withStrata.PValue, withoutStrata.PValue);
    }

    [Fact]
    public void NoEvents_Undefined()
    {
        var result = LogRankTest.Analyze([1, 2, 3], [false, false, false], [0, 1, 2], [], 1, Spec());
        Assert.Equal(AnalysisResult.Undefined(2, 0), result);
        Assert.True(double.IsNaN(result.Estimate));
        Assert.Equal(1.0, result.PValue);
        Assert.False(result.Reject);
    }

    [Fact]
    public void NoEventTimeWithBothArmsAtRisk_Undefined()
    {
        // The only event happens when the experimental patient is no longer at risk: V = 0.
        var result = LogRankTest.Analyze([1, 2], [false, true], [1, 0], [], 1, Spec());
        Assert.True(double.IsNaN(result.Estimate));
        Assert.False(result.Reject);
        Assert.Equal(1, result.Events);
    }

    [Fact]
    public void AllEventsInControl_StillDefined()
    {
        // The log-rank test, unlike the Cox fit, has a finite answer here: a small p-value.
        double[] time = [1, 2, 2, 3, 4, 5, 6, 7];
        bool[] isEvent = [true, true, false, true, false, true, false, false];
        byte[] group = [0, 0, 1, 0, 1, 0, 1, 1];
        var result = LogRankTest.Analyze(time, isEvent, group, [], 1, Spec());
        Assert.True(result.Reject);
        Assert.True(result.Estimate < 1);
    }

    [Fact]
    public void Analyze_RejectsBadSpec()
    {
        var (time, isEvent, group) = AmlData.AllSortedWithGroup();
        Assert.Throws<ArgumentNullException>(() => LogRankTest.Analyze(time, isEvent, group, [], 1, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => LogRankTest.Analyze(time, isEvent, group, [], 1, Spec(alpha: 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LogRankTest.Analyze(time, isEvent, group, [], 1, Spec(level: double.NaN)));
    }

    [Fact]
    public void Analyze_AllocatesNothing()
    {
        var spec = Spec(stratified: true);
        double[] time = TiedStrataData.Time;
        bool[] isEvent = TiedStrataData.IsEvent;
        byte[] group = TiedStrataData.Group, stratum = TiedStrataData.Stratum;
        LogRankTest.Analyze(time, isEvent, group, stratum, 2, spec);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < 1000; i++) sum += LogRankTest.Analyze(time, isEvent, group, stratum, 2, spec).PValue;
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sum > 0);
    }
}

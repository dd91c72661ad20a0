using TrialSim.Analyses;

namespace TrialSim.Tests.Analyses;

public class CoxTestTest
{
    private static CoxSpec Spec(CoxTies ties = CoxTies.Efron, bool stratified = false, double margin = 1.0, double alpha = 0.05, double level = 0.90) =>
        new("cox", alpha, level, "maintained", "observation", ties, stratified, margin);

    [Fact]
    public void Analyze_Aml_MatchesRCoxph()
    {
        // R survival 3.5.3, coxph(Surv(time, status) ~ arm) on aml (arm 1 = maintained), Efron:
        // exp(coef), exp(coef -/+ qnorm(0.95) se) (summary(fit, conf.int = 0.90) agrees), pnorm(coef / se).
        var (time, isEvent, group) = AmlData.AllSortedWithGroup();
        var result = CoxTest.Analyze(time, isEvent, group, [], 1, Spec());
        Assert.Equal(0.400303377733176, result.Estimate, 1e-9);
        Assert.Equal(0.172460074013938, result.Lower, 1e-9);
        Assert.Equal(0.929158793076006, result.Upper, 1e-9);
        Assert.Equal(0.0368574303195153, result.PValue, 1e-9);
        Assert.True(result.Reject);
        Assert.Equal(23, result.Analysed);
        Assert.Equal(18, result.Events);
    }

    [Fact]
    public void Analyze_AmlNonInferiority_ShiftsTheNull()
    {
        // R: pnorm((coef - log(1.3)) / se) with the Efron fit on aml.
        var (time, isEvent, group) = AmlData.AllSortedWithGroup();
        var result = CoxTest.Analyze(time, isEvent, group, [], 1, Spec(margin: 1.3, alpha: 0.025));
        Assert.Equal(0.0106993452516519, result.PValue, 1e-9);
        Assert.True(result.Reject);
        Assert.False(CoxTest.Analyze(time, isEvent, group, [], 1, Spec(alpha: 0.025)).Reject);
    }

    [Fact]
    public void Analyze_UsesTiesAndStrataFromSpec()
    {
        foreach (var ties in new[] { CoxTies.Efron, CoxTies.Breslow })
            foreach (bool stratified in new[] { false, true })
            {
                var fit = Cox.Fit(TiedStrataData.Time, TiedStrataData.IsEvent, TiedStrataData.Group, TiedStrataData.Stratum, stratified ? 2 : 1, ties);
                var result = CoxTest.Analyze(TiedStrataData.Time, TiedStrataData.IsEvent, TiedStrataData.Group, TiedStrataData.Stratum, 2, Spec(ties, stratified));
                Assert.Equal(Math.Exp(fit.Coefficient), result.Estimate, 1e-15);
                Assert.Equal(MathNet.Numerics.Distributions.Normal.CDF(0, 1, fit.Coefficient / fit.StandardError), result.PValue, 1e-15);
            }
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 1, 0, 1, 0, 1, 1 })] // every event in control: beta -> -infinity
    [InlineData(new byte[] { 1, 1, 0, 1, 0, 1, 0, 0 })] // every event experimental: beta -> +infinity
    public void AllEventsInOneArm_Undefined(byte[] group)
    {
        double[] time = [1, 2, 2, 3, 4, 5, 6, 7];
        bool[] isEvent = [true, true, false, true, false, true, false, false];
        var result = CoxTest.Analyze(time, isEvent, group, [], 1, Spec());
        Assert.Equal(AnalysisResult.Undefined(8, 4), result);
        Assert.True(double.IsNaN(result.Estimate) && double.IsNaN(result.Lower) && double.IsNaN(result.Upper));
    }

    [Fact]
    public void NoEvents_Undefined()
    {
        var result = CoxTest.Analyze([1, 2, 3], [false, false, false], [0, 1, 1], [], 1, Spec());
        Assert.True(double.IsNaN(result.Estimate));
        Assert.Equal(1.0, result.PValue);
        Assert.False(result.Reject);
        Assert.Equal(3, result.Analysed);
    }

    [Fact]
    public void ThirdArm_IsIgnored()
    {
        var (time, isEvent, group, stratum) = LogRankStatisticTest.WithThirdArm();
        var spec = Spec(CoxTies.Breslow, stratified: true);
        Assert.Equal(CoxTest.Analyze(TiedStrataData.Time, TiedStrataData.IsEvent, TiedStrataData.Group, TiedStrataData.Stratum, 2, spec),
            CoxTest.Analyze(time, isEvent, group, stratum, 2, spec));
    }

    [Fact]
    public void Analyze_RejectsBadSpec()
    {
        var (time, isEvent, group) = AmlData.AllSortedWithGroup();
        Assert.Throws<ArgumentNullException>(() => CoxTest.Analyze(time, isEvent, group, [], 1, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoxTest.Analyze(time, isEvent, group, [], 1, Spec(margin: 0.8)));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoxTest.Analyze(time, isEvent, group, [], 1, Spec(margin: double.NaN)));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoxTest.Analyze(time, isEvent, group, [], 1, Spec(margin: double.PositiveInfinity)));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoxTest.Analyze(time, isEvent, group, [], 1, Spec(ties: (CoxTies)2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => CoxTest.Analyze(time, isEvent, group, [], 1, Spec(alpha: 0)));
    }

    [Fact]
    public void Analyze_AllocatesNothing()
    {
        var spec = Spec(stratified: true);
        double[] time = TiedStrataData.Time;
        bool[] isEvent = TiedStrataData.IsEvent;
        byte[] group = TiedStrataData.Group, stratum = TiedStrataData.Stratum;
        CoxTest.Analyze(time, isEvent, group, stratum, 2, spec);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < 1000; i++) sum += CoxTest.Analyze(time, isEvent, group, stratum, 2, spec).PValue;
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sum > 0);
    }
}

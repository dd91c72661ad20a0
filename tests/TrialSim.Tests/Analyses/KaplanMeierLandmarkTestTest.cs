using TrialSim.Analyses;
using static TrialSim.Tests.Analyses.AmlData;

namespace TrialSim.Tests.Analyses;

public class KaplanMeierLandmarkTestTest
{
    private static KaplanMeierLandmarkSpec Spec(double landmark, double nullSurvival, double alpha = 0.05, double level = 0.90) =>
        new("km", alpha, level, landmark, nullSurvival);

    [Fact]
    public void Interval_AmlMaintainedAt24_MatchesHandArithmetic()
    {
        // By hand: S(24) = 10/11 * 9/10 * 7/8 * 6/7 = 27/44; Greenwood sum 1/110 + 1/90 + 1/56 + 1/42;
        // se of log(-log S) = sqrt(sum) / |log S|; z = Phi^-1(0.95) = 1.6448536269514722 (normal table);
        // lower = exp(-exp(log(-log S) + z se)), upper = exp(-exp(log(-log S) - z se)).
        double survival = 27.0 / 44.0;
        double se = Math.Sqrt(1.0 / 110 + 1.0 / 90 + 1.0 / 56 + 1.0 / 42) / -Math.Log(survival);
        const double z = 1.6448536269514722;
        double lower = Math.Exp(-Math.Exp(Math.Log(-Math.Log(survival)) + z * se));
        double upper = Math.Exp(-Math.Exp(Math.Log(-Math.Log(survival)) - z * se));

        var result = KaplanMeierLandmarkTest.Analyze(MaintainedTime, MaintainedIsEvent, Spec(24, 0.35));
        Assert.Equal(survival, result.Estimate, 1e-14);
        Assert.Equal(lower, result.Lower, 1e-12);
        Assert.Equal(upper, result.Upper, 1e-12);
    }

    [Fact]
    public void Interval_Aml_MatchesRSurvfitLogLog()
    {
        // R survival 3.5.3: summary(survfit(Surv(time, status) ~ 1, conf.type = "log-log", conf.int = 0.90), times = 24).
        var maintained = KaplanMeierLandmarkTest.Analyze(MaintainedTime, MaintainedIsEvent, Spec(24, 0.35));
        Assert.Equal(0.323455510894705, maintained.Lower, 1e-12);
        Assert.Equal(0.809534436374599, maintained.Upper, 1e-12);

        var (time, isEvent) = AllSorted();
        var all = KaplanMeierLandmarkTest.Analyze(time, isEvent, Spec(24, 0.35));
        Assert.Equal(0.546583850931677, all.Estimate, 1e-12);
        Assert.Equal(0.356760021004706, all.Lower, 1e-12);
        Assert.Equal(0.701852726273207, all.Upper, 1e-12);
        Assert.Equal(23, all.Analysed);
        Assert.Equal(10, all.Events); // events at or before 24: 5, 5, 8, 8, 9, 12, 13, 18, 23, 23
    }

    [Theory]
    // Computed in R from Z = (log(-log S0) - log(-log(27/44))) / se, se = 0.5093329769462528:
    // S0 = 0.35: Z = 1.5026280025751617, p = 0.0664674990788939 (no rejection at 0.05);
    // S0 = 0.30: Z = 1.7716190565304881, p = 0.0382289070913692 (rejection).
    [InlineData(0.35, 0.0664674990788939, false)]
    [InlineData(0.30, 0.0382289070913692, true)]
    public void PValue_AmlMaintainedAt24(double nullSurvival, double pValue, bool reject)
    {
        var result = KaplanMeierLandmarkTest.Analyze(MaintainedTime, MaintainedIsEvent, Spec(24, nullSurvival));
        Assert.Equal(pValue, result.PValue, 1e-12);
        Assert.Equal(reject, result.Reject);
        Assert.Equal(11, result.Analysed);
        Assert.Equal(4, result.Events);
    }

    [Fact]
    public void NoEventsByLandmark_WithFollowUp_RejectsWithPValueZero()
    {
        var result = KaplanMeierLandmarkTest.Analyze([10, 20], [false, true], Spec(5, 0.35));
        Assert.Equal(new AnalysisResult(1, 1, 1, 0, true, 2, 0), result);
    }

    [Fact]
    public void EveryoneCensoredBeforeLandmark_IsUndefined()
    {
        var result = KaplanMeierLandmarkTest.Analyze([1, 2, 3], [false, true, false], Spec(5, 0.35));
        Assert.True(double.IsNaN(result.Estimate));
        Assert.Equal(1.0, result.PValue);
        Assert.False(result.Reject);
        Assert.Equal(3, result.Analysed);
        Assert.Equal(1, result.Events);
    }

    [Fact]
    public void CensoredExactlyAtLandmark_CountsAsFollowedToIt()
    {
        // S(5) = 1/2 with the patient censored at 5 still at risk there: the estimate is defined.
        var result = KaplanMeierLandmarkTest.Analyze([3, 5], [true, false], Spec(5, 0.35));
        Assert.Equal(0.5, result.Estimate, 1e-15);
        Assert.False(double.IsNaN(result.Lower));
    }

    [Fact]
    public void CurveAtZero_PValueOne()
    {
        var result = KaplanMeierLandmarkTest.Analyze([1, 2], [true, true], Spec(5, 0.35));
        Assert.Equal(new AnalysisResult(0, 0, 0, 1, false, 2, 2), result);
    }

    [Fact]
    public void Analyze_RejectsBadSpec()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeierLandmarkTest.Analyze(MaintainedTime, MaintainedIsEvent, Spec(24, 1.0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeierLandmarkTest.Analyze(MaintainedTime, MaintainedIsEvent, Spec(double.NaN, 0.3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => KaplanMeierLandmarkTest.Analyze(MaintainedTime, MaintainedIsEvent, Spec(24, 0.3, alpha: 0)));
        Assert.Throws<ArgumentNullException>(() => KaplanMeierLandmarkTest.Analyze(MaintainedTime, MaintainedIsEvent, null!));
    }

    [Fact]
    public void Analyze_AllocatesNothing()
    {
        var spec = Spec(24, 0.35);
        KaplanMeierLandmarkTest.Analyze(MaintainedTime, MaintainedIsEvent, spec);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < 100; i++) sum += KaplanMeierLandmarkTest.Analyze(MaintainedTime, MaintainedIsEvent, spec).PValue;
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sum > 0);
    }
}

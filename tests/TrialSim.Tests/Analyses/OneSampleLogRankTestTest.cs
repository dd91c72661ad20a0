using MathNet.Numerics.Distributions;
using TrialSim.Analyses;
using TrialSim.Distributions;

namespace TrialSim.Tests.Analyses;

public class OneSampleLogRankTestTest
{
    private static OneSampleLogRankSpec Spec(double rate = 0.1, double alpha = 0.05, double level = 0.90) =>
        new("one-sample log-rank", alpha, level, new ExponentialModel(rate));

    [Fact]
    public void Analyze_HandExample()
    {
        // Reference exponential, hazard 0.1 per month, so Lambda0(t) = 0.1 t.
        // Times 2 (event), 5, 10 (event), 20, 30: O = 2; E = 0.1 (2 + 5 + 10 + 20 + 30) = 6.7;
        // Z = (6.7 - 2) / sqrt(6.7) = 4.7 / 2.58843582 = 1.81576841; p = 1 - Phi(Z) = 0.0347029523837829 (R pnorm).
        // O / E = 2 / 6.7 = 0.298507462686567; Poisson 90% interval:
        // chi2(0.05; 4) / 13.4 = 0.710723 / 13.4 = 0.0530390314475615, chi2(0.95; 6) / 13.4 = 12.591587 / 13.4 = 0.9396706898316401 (R qchisq).
        double[] time = [20, 2, 30, 10, 5]; // unsorted on purpose
        bool[] isEvent = [false, true, false, true, false];
        var result = OneSampleLogRankTest.Analyze(time, isEvent, Spec());
        Assert.Equal(2.0 / 6.7, result.Estimate, 1e-14);
        Assert.Equal(0.0347029523837829, result.PValue, 1e-12);
        Assert.True(result.Reject);
        Assert.Equal(0.0530390314475615, result.Lower, 1e-12);
        Assert.Equal(0.9396706898316401, result.Upper, 1e-12);
        Assert.Equal(5, result.Analysed);
        Assert.Equal(2, result.Events);
    }

    [Fact]
    public void PoissonInterval_MatchesChiSquareQuantiles()
    {
        // Five events at 2 months under hazard 0.1: O = 5, E = 1.
        // R: qchisq(0.05, 10) / 2 = 1.97014956805953, qchisq(0.95, 12) / 2 = 10.51303490874153.
        var result = OneSampleLogRankTest.Analyze([2, 2, 2, 2, 2], [true, true, true, true, true], Spec());
        Assert.Equal(5.0, result.Estimate, 1e-12);
        Assert.Equal(1.97014956805953, result.Lower, 1e-11);
        Assert.Equal(10.51303490874153, result.Upper, 1e-11);
        // The limits are where the Poisson tails equal 5%: P(X >= 5; lower) = 0.05, P(X <= 5; upper) = 0.05.
        Assert.Equal(0.05, 1 - Poisson.CDF(result.Lower, 4), 1e-10);
        Assert.Equal(0.05, Poisson.CDF(result.Upper, 5), 1e-10);
        // More events than expected: Z < 0, p above one half, no rejection.
        Assert.True(result.PValue > 0.5);
        Assert.False(result.Reject);
    }

    [Fact]
    public void NoEvents_LowerLimitZero()
    {
        // O = 0, E = 1: upper = qchisq(0.95, 2) / 2 = -log(0.05) = 2.99573227355399 (R).
        var result = OneSampleLogRankTest.Analyze([10], [false], Spec());
        Assert.Equal(0.0, result.Estimate);
        Assert.Equal(0.0, result.Lower);
        Assert.Equal(2.99573227355399, result.Upper, 1e-11);
        Assert.Equal(Normal.CDF(0, 1, -1.0), result.PValue, 1e-14); // Z = (1 - 0) / 1
    }

    [Fact]
    public void NoFollowUp_IsUndefined()
    {
        Assert.Equal(AnalysisResult.Undefined(0, 0), OneSampleLogRankTest.Analyze([], [], Spec()));
        Assert.Equal(AnalysisResult.Undefined(2, 1), OneSampleLogRankTest.Analyze([0, 0], [true, false], Spec()));
    }

    [Fact]
    public void Analyze_AllocatesNothing()
    {
        double[] time = [20, 2, 30, 10, 5];
        bool[] isEvent = [false, true, false, true, false];
        var spec = Spec();
        OneSampleLogRankTest.Analyze(time, isEvent, spec);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < 100; i++) sum += OneSampleLogRankTest.Analyze(time, isEvent, spec).Upper;
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sum > 0);
    }
}

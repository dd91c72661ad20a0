using TrialSim.Analyses;

namespace TrialSim.Tests.Analyses;

public partial class CoxFitTest
{
    [Theory]
    // R survival 3.5.3, coxph(Surv(time, status) ~ arm, ties = ...) with arm 1 = maintained; coef and
    // se from validation.md, loglik[2] from R (the same with the default and with eps = 1e-14).
    [InlineData(CoxTies.Efron, -0.9155325750, 0.5119342752, -41.032615596458)]
    [InlineData(CoxTies.Breslow, -0.9042197237, 0.5122479073, -41.250114350069)]
    public void Fit_Aml_MatchesRCoxph(CoxTies ties, double coefficient, double standardError, double logLikelihood)
    {
        var (time, isEvent, group) = AmlData.AllSortedWithGroup();
        var fit = Cox.Fit(time, isEvent, group, [], 1, ties);
        Assert.True(fit.Converged);
        Assert.Equal(coefficient, fit.Coefficient, 1e-8);
        Assert.Equal(standardError, fit.StandardError, 1e-8);
        Assert.Equal(logLikelihood, fit.LogLikelihood, 1e-8);
        Assert.Equal(18, fit.Events);
        Assert.Equal(23, fit.Analysed);
        Assert.InRange(fit.Iterations, 2, 10);
    }

    [Theory]
    // R survival 3.5.3 on TiedStrataData's d, coxph(Surv(time, status) ~ arm [+ strata(stratum)],
    // ties = ..., control = coxph.control(eps = 1e-14, toler.chol = 1e-15, iter.max = 100)); the default
    // control gives the same coef and se to 12 digits. Columns: coef, se, loglik[2].
    [InlineData(CoxTies.Efron, false, -0.418206818408165, 0.466195663220726, -51.1183062689107)]
    [InlineData(CoxTies.Breslow, false, -0.384942660522326, 0.466228241740846, -52.6794318822643)]
    [InlineData(CoxTies.Efron, true, -0.459494145112253, 0.478839453467251, -38.6654512893582)]
    [InlineData(CoxTies.Breslow, true, -0.430855102453555, 0.475997687480991, -39.9341249922192)]
    public void Fit_TiedData_MatchesRCoxph(CoxTies ties, bool stratified, double coefficient, double standardError, double logLikelihood)
    {
        var fit = Cox.Fit(TiedStrataData.Time, TiedStrataData.IsEvent, TiedStrataData.Group, TiedStrataData.Stratum, stratified ? 2 : 1, ties);
        Assert.True(fit.Converged);
        Assert.Equal(coefficient, fit.Coefficient, 1e-8);
        Assert.Equal(standardError, fit.StandardError, 1e-8);
        Assert.Equal(logLikelihood, fit.LogLikelihood, 1e-8);
        Assert.Equal(19, fit.Events);
        Assert.Equal(30, fit.Analysed);
    }

    [Theory]
    // R: coxph(...)$loglik[1], the log partial likelihood at beta = 0, on TiedStrataData's d.
    [InlineData(CoxTies.Efron, false, -51.5266540804751)]
    [InlineData(CoxTies.Breslow, false, -53.0251241733804)]
    [InlineData(CoxTies.Efron, true, -39.1324829460085)]
    [InlineData(CoxTies.Breslow, true, -40.3493591551704)]
    public void LogLikelihoodAtZero_TiedData_MatchesRCoxph(CoxTies ties, bool stratified, double logLikelihood)
    {
        Span<int> workspace = stackalloc int[64];
        var atZero = Cox.Evaluate(TiedStrataData.Time, TiedStrataData.IsEvent, TiedStrataData.Group, TiedStrataData.Stratum, stratified ? 2 : 1, ties, 0.0, workspace);
        Assert.Equal(logLikelihood, atZero.LogLikelihood, 1e-8);
    }

    [Theory]
    // R: coxph(...)$score, the score test chi-square at beta = 0, on TiedStrataData's d.
    [InlineData(CoxTies.Efron, false, 0.816286524936048)]
    [InlineData(CoxTies.Breslow, false, 0.689990829386512)]
    [InlineData(CoxTies.Efron, true, 0.934500859680758)]
    [InlineData(CoxTies.Breslow, true, 0.830369656819434)]
    public void ScoreTestAtZero_TiedData_MatchesRCoxph(CoxTies ties, bool stratified, double chiSquare)
    {
        Span<int> workspace = stackalloc int[64];
        var atZero = Cox.Evaluate(TiedStrataData.Time, TiedStrataData.IsEvent, TiedStrataData.Group, TiedStrataData.Stratum, stratified ? 2 : 1, ties, 0.0, workspace);
        Assert.Equal(chiSquare, atZero.Score * atZero.Score / atZero.Information, 1e-8);
    }

    [Fact]
    public void BreslowScoreAtZero_IsLogRankObservedMinusExpected()
    {
        // Breslow's score at beta = 0 is sum (d1 - d n1 / n) = O1 - E1 exactly, ties or not; its
        // information sum d (n1 / n)(1 - n1 / n) lacks the hypergeometric factor (n - d) / (n - 1) <= 1,
        // so it is at least V, with equality when no two events share a time.
        var random = new Random(7);
        Span<int> workspace = stackalloc int[64];
        for (int replicate = 0; replicate < 300; replicate++)
        {
            var data = RandomTwoArmData.Next(random);
            var logRank = LogRank.Compute(data.Time, data.IsEvent, data.Group, data.Stratum, data.Strata);
            var atZero = Cox.Evaluate(data.Time, data.IsEvent, data.Group, data.Stratum, data.Strata, CoxTies.Breslow, 0.0, workspace);
            Assert.Equal(logRank.Observed - logRank.Expected, atZero.Score, 1e-10);
            Assert.True(atZero.Information >= logRank.Variance - 1e-12);
        }
    }

    [Fact]
    public void WithoutTiedEvents_ScoreTestIsLogRankTest()
    {
        // Distinct times: every d = 1, Efron = Breslow, and the score test Z is the log-rank Z.
        var random = new Random(11);
        Span<int> workspace = stackalloc int[64];
        int compared = 0;
        for (int replicate = 0; replicate < 200; replicate++)
        {
            var tied = RandomTwoArmData.Next(random);
            double[] time = Enumerable.Range(0, tied.Time.Length).Select(_ => random.NextDouble() * 10).Order().ToArray();
            var data = tied with { Time = time };
            var logRank = LogRank.Compute(data.Time, data.IsEvent, data.Group, data.Stratum, data.Strata);
            if (!(logRank.Variance > 0)) continue;
            foreach (var ties in new[] { CoxTies.Breslow, CoxTies.Efron })
            {
                var atZero = Cox.Evaluate(data.Time, data.IsEvent, data.Group, data.Stratum, data.Strata, ties, 0.0, workspace);
                Assert.Equal(logRank.Z, atZero.Score / Math.Sqrt(atZero.Information), 1e-10);
            }
            compared++;
        }
        Assert.True(compared > 150);
    }

    [Fact]
    public void NoEvents_NotConverged()
    {
        var fit = Cox.Fit([1, 2, 3, 4], [false, false, false, false], [0, 1, 0, 1], [], 1, CoxTies.Efron);
        Assert.False(fit.Converged);
        Assert.True(double.IsNaN(fit.Coefficient));
        Assert.True(double.IsNaN(fit.StandardError));
        Assert.Equal(0, fit.Events);
        Assert.Equal(4, fit.Analysed);
    }

    [Theory]
    [InlineData(CoxTies.Efron)]
    [InlineData(CoxTies.Breslow)]
    public void AllEventsInOneArm_NotConverged(CoxTies ties)
    {
        // Monotone likelihood: with every event in the control arm beta runs off to -infinity (and
        // to +infinity with every event in the experimental arm).
        double[] time = [1, 2, 2, 3, 4, 5, 6, 7];
        bool[] isEvent = [true, true, false, true, false, true, false, false];
        byte[] controlEvents = [0, 0, 1, 0, 1, 0, 1, 1];
        var fit = Cox.Fit(time, isEvent, controlEvents, [], 1, ties);
        Assert.False(fit.Converged);
        Assert.True(fit.Coefficient < -20);
        Assert.Equal(4, fit.Events);

        byte[] experimentalEvents = controlEvents.Select(g => (byte)(1 - g)).ToArray();
        var reversed = Cox.Fit(time, isEvent, experimentalEvents, [], 1, ties);
        Assert.False(reversed.Converged);
        Assert.True(reversed.Coefficient > 20);
    }

    [Fact]
    public void ThirdArm_IsIgnored()
    {
        var (time, isEvent, group, stratum) = LogRankStatisticTest.WithThirdArm();
        foreach (var ties in new[] { CoxTies.Efron, CoxTies.Breslow })
            foreach (int strata in new[] { 1, 2 })
                Assert.Equal(Cox.Fit(TiedStrataData.Time, TiedStrataData.IsEvent, TiedStrataData.Group, TiedStrataData.Stratum, strata, ties),
                    Cox.Fit(time, isEvent, group, stratum, strata, ties));
    }

    [Fact]
    public void Fit_RejectsBadInput()
    {
        double[] time = [1, 2, 3];
        bool[] isEvent = [true, false, true];
        byte[] group = [0, 1, 0];
        Assert.Throws<ArgumentOutOfRangeException>(() => Cox.Fit(time, isEvent, group, [], 1, (CoxTies)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cox.Fit(time, isEvent, group, [0, 0, 0], 0, CoxTies.Efron));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cox.Fit(time, isEvent, group, [0, 3, 0], 3, CoxTies.Efron));
        Assert.Throws<ArgumentException>(() => Cox.Fit([2, 1, 3], isEvent, group, [], 1, CoxTies.Efron));
    }

    [Fact]
    public void Fit_AllocatesNothing()
    {
        double[] time = TiedStrataData.Time;
        bool[] isEvent = TiedStrataData.IsEvent;
        byte[] group = TiedStrataData.Group, stratum = TiedStrataData.Stratum;
        Cox.Fit(time, isEvent, group, stratum, 2, CoxTies.Efron);
        Cox.Fit(time, isEvent, group, stratum, 1, CoxTies.Breslow);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < 1000; i++)
            sum += Cox.Fit(time, isEvent, group, stratum, 1 + i % 2, i % 3 == 0 ? CoxTies.Breslow : CoxTies.Efron).Coefficient;
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sum < 0);
    }
}

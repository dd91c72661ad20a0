using TrialSim.Analyses;
using TrialSim.Cohorts;
using TrialSim.Conduct;
using TrialSim.Distributions;
using TrialSim.Scenarios;

namespace TrialSim.Tests.Scenarios;

public class ScenarioLoaderTests
{
    private static Scenario Ssg() => ScenarioLoader.Parse(ScenarioExamples.SsgXxv, "ssg-xxv.yaml");

    [Fact]
    public void TopLevelFields()
    {
        var scenario = Ssg();
        Assert.Equal("SSG XXV as planned", scenario.Name);
        Assert.Equal("Single-arm imatinib discontinuation, 3-year PFS landmark", scenario.Description);
        Assert.Equal(20170105UL, scenario.Seed);
        Assert.Equal(2000, scenario.Replicates);
        Assert.Equal(60, scenario.MaxFollowUp);
        Assert.Equal(new AfterLastPatient(36), scenario.AnalysisTime);
        Assert.Equal(new ExponentialModel(0.005), scenario.Dropout);
    }

    [Fact]
    public void AccrualFromSites()
    {
        var accrual = Ssg().Accrual;
        Assert.Equal(31, accrual.TargetSampleSize);
        Assert.Equal(29, accrual.MaxDuration);
        Assert.Equal(0.077, accrual.IneligibleFraction);
        Assert.Equal<Site>([new Site("Oslo", 0, 0.3), new Site("Helsinki", 3, 0.1), new Site("Stockholm", 0, 0.05)], accrual.Sites);
        Assert.Equal<double>([0.0, 3.0], accrual.Rate.Starts);
        Assert.Equal(0.35, accrual.Rate.Rates[0], 12);
        Assert.Equal(0.45, accrual.Rate.Rates[1], 12);
    }

    [Fact]
    public void SsgXxvScanSchedule()
    {
        var schedule = Ssg().Assessments;
        Assert.False(schedule.IsContinuous);
        double[] expected = [2, 5, 8, 11, 15, 19, 23, 27, 31, 35, 41, 47, 53, 59];
        Assert.Equal(expected, schedule.VisitTimes.Select(v => Math.Round(v, 9)));
        Assert.True(double.IsPositiveInfinity(schedule.ThereafterEvery));
    }

    [Fact]
    public void TruthsInDocumentOrder()
    {
        var points = Ssg().Points;
        Assert.Equal(["H0", "H1"], points.Select(p => p.Name));
        var h0 = Assert.IsType<ExponentialModel>(points[0].Arms[0].Progression);
        Assert.Equal(-Math.Log(0.15) / 36, h0.Rate, 12);
        Assert.Equal(new ExponentialModel(0.001), points[0].Arms[0].Death);
        Assert.Null(points[1].Arms[0].Death);
    }

    [Fact]
    public void CureMixtureThroughMedianAndThreeYearSurvival()
    {
        var cure = Assert.IsType<CureMixtureModel>(Ssg().Points[1].Arms[0].Progression);
        var susceptible = Assert.IsType<ExponentialModel>(cure.Susceptible);
        Assert.Equal(0.362, cure.CureFraction, 1e-3);
        Assert.Equal(0.0665, susceptible.Rate, 1e-3);
        Assert.Equal(0.5, cure.Survival(23), 1e-9);
        Assert.Equal(0.42, cure.Survival(36), 1e-9);
    }

    [Fact]
    public void AnalysesWithDefaults()
    {
        var analyses = Ssg().Analyses;
        Assert.Equal(new KaplanMeierLandmarkSpec("km_landmark", 0.05, 0.9, 36, 0.15), analyses[0]);
        Assert.Equal(new BinomialLandmarkSpec("exact binomial", 0.025, 0.95, 36, 0.15), analyses[1]);
        var logRank = Assert.IsType<OneSampleLogRankSpec>(analyses[2]);
        Assert.Equal("one_sample_logrank", logRank.Name);
        Assert.Equal(0.05, logRank.Alpha);
        Assert.Equal(0.9, logRank.ConfidenceLevel);
        Assert.Equal(-Math.Log(0.15) / 36, Assert.IsType<ExponentialModel>(logRank.Reference).Rate, 12);
    }

    [Fact]
    public void MinimalUsesDefaults()
    {
        var scenario = ScenarioLoader.Parse(ScenarioExamples.Minimal, "minimal.yaml");
        Assert.Equal(1UL, scenario.Seed);
        Assert.Equal(10_000, scenario.Replicates);
        Assert.Null(scenario.Description);
        Assert.Null(scenario.Dropout);
        Assert.Null(scenario.MaxFollowUp);
        Assert.Same(AssessmentSchedule.Continuous, scenario.Assessments);
        Assert.Equal(new PiecewiseRate([0.0], [1.0]), scenario.Accrual.Rate);
        Assert.Empty(scenario.Accrual.Sites);
        Assert.Equal(0, scenario.Accrual.IneligibleFraction);
        Assert.Null(scenario.Accrual.MaxDuration);
    }

    [Fact]
    public void PiecewiseAccrualAndOtherAnalysisTimes()
    {
        const string yaml = """
            name: piecewise
            accrual:
              target: 40
              rates:
                - {from: 0, rate: 0.5}
                - {from: 6, rate: 1.5}
            assessments: {visits: [2, 5, 8], thereafter: 3}
            analysis_time: {events: 20, max_calendar: 120}
            truths: {H0: {progression: {weibull: {shape: 0.5, scale: 47.8}}}}
            analyses: [{type: one_sample_logrank, reference: {exponential: {median: 13.2}}}]
            """;
        var scenario = ScenarioLoader.Parse(yaml, "p.yaml");
        Assert.Equal(new PiecewiseRate([0.0, 6.0], [0.5, 1.5]), scenario.Accrual.Rate);
        Assert.Equal(new AssessmentSchedule([2.0, 5.0, 8.0], 3), scenario.Assessments);
        Assert.Equal(new AtEventCount(20, 120), scenario.AnalysisTime);
        Assert.Equal(new WeibullModel(0.5, 47.8), scenario.Points[0].Arms[0].Progression);
        Assert.Equal(Math.Log(2) / 13.2, Assert.IsType<ExponentialModel>(((OneSampleLogRankSpec)scenario.Analyses[0]).Reference).Rate, 12);
    }

    [Theory]
    [InlineData("{exponential: {rate: 0.05}}", "exponential(rate 0.05/month")]
    [InlineData("{exponential: {median: 23}}", "median 23")]
    [InlineData("{weibull: {landmarks: [{time: 12, survival: 0.61}, {time: 60, survival: 0.33}]}}", "weibull(shape 0.5")]
    [InlineData("{piecewise_exponential: {breaks: [6, 12], rates: [0.1, 0.05, 0]}}", "starts [0, 6, 12]")]
    [InlineData("{piecewise_exponential: {breaks: [], rates: [0.1]}}", "starts [0]")]
    [InlineData("{piecewise_exponential: {landmarks: [{time: 12, survival: 0.32}, {time: 24, survival: 0.16}]}}", "starts [0, 12]")]
    [InlineData("{cure_mixture: {cure_fraction: 0.12, susceptible: {exponential: {rate: 0.1235}}}}", "cure fraction 0.12,")]
    [InlineData("{cure_mixture: {cure_fraction: 0, susceptible: {weibull: {shape: 2, scale: 10}}}}", "weibull(shape 2")]
    public void EveryModelForm(string model, string descriptionContains)
    {
        var scenario = ScenarioLoader.Parse(ScenarioExamples.WithProgression(model), "m.yaml");
        Assert.Contains(descriptionContains, scenario.Points[0].Arms[0].Progression.Describe());
    }

    [Fact]
    public void WeibullThroughLandmarksMatchesPublishedFit()
    {
        var scenario = ScenarioLoader.Parse(ScenarioExamples.WithProgression(
            "{weibull: {landmarks: [{time: 12, survival: 0.61}, {time: 60, survival: 0.33}]}}"), "w.yaml");
        var weibull = Assert.IsType<WeibullModel>(scenario.Points[0].Arms[0].Progression);
        // The published shape 0.50 / scale 47.8 were rounded before S(12), S(60) were quoted.
        Assert.Equal(0.50, weibull.Shape, 0.01);
        Assert.Equal(0.61, weibull.Survival(12), 1e-9);
        Assert.Equal(0.33, weibull.Survival(60), 1e-9);
    }

    [Fact]
    public void LoadReadsAFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"trialsim-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, ScenarioExamples.Minimal);
        try { Assert.Equal("minimal", ScenarioLoader.Load(path).Name); }
        finally { File.Delete(path); }
    }

    [Fact]
    public void HashIgnoresLineEndsAndTrailingSpace()
    {
        string hash = ScenarioLoader.Hash("a: 1\nb: 2\n");
        Assert.Equal(64, hash.Length);
        Assert.Equal(hash, ScenarioLoader.Hash("\uFEFFa: 1  \r\nb: 2\r\n\r\n"));
        Assert.NotEqual(hash, ScenarioLoader.Hash("a: 1\nb: 3\n"));
        // SHA-256 of "a: 1\nb: 2\n", computed independently (sha256sum).
        Assert.Equal("d02b8bb58aa82e872f709035f39b734b9f28dde0c3d305698a95d04aec594cfa", hash);
    }
}

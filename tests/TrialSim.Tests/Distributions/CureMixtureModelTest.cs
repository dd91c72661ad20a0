using TrialSim.Distributions;

namespace TrialSim.Tests.Distributions;

public class CureMixtureModelTest
{
    [Fact]
    public void ThroughLandmarks_SsgXxv_ReproducesBothLandmarks()
    {
        // SSG XXV as run: median PFS 23 months, 3-year PFS 0.42.
        var model = CureMixtureModel.ThroughLandmarks(23, 0.5, 36, 0.42);
        Assert.Equal(0.5, model.Survival(23), 1e-10);
        Assert.Equal(0.42, model.Survival(36), 1e-10);
    }

    [Fact]
    public void ThroughLandmarks_SsgXxv_MatchesThePublishedFit()
    {
        // gist-trials.md: pi = 0.362, lambda = 0.0665 (three significant figures), susceptible
        // median 10.4, S(12) = 0.65, S(60) = 0.37.
        var model = CureMixtureModel.ThroughLandmarks(23, 0.5, 36, 0.42);
        var susceptible = Assert.IsType<ExponentialModel>(model.Susceptible);
        Assert.Equal(0.362, model.CureFraction, 2e-3);
        Assert.Equal(0.0665, susceptible.Rate, 2e-3);
        Assert.Equal(10.4, susceptible.Median, 0.05);
        Assert.Equal(0.65, model.Survival(12), 0.005);
        Assert.Equal(0.37, model.Survival(60), 0.005);
    }

    [Fact]
    public void ThroughLandmarks_AcceptsLandmarksInEitherOrder()
    {
        var forward = CureMixtureModel.ThroughLandmarks(23, 0.5, 36, 0.42);
        var backward = CureMixtureModel.ThroughLandmarks(36, 0.42, 23, 0.5);
        Assert.Equal(forward.CureFraction, backward.CureFraction, 1e-14);
    }

    [Fact]
    public void Bfr14StopArm_MatchesPublishedLandmarks()
    {
        // gist-trials.md: pi 0.12, lambda 0.1235 fits 1-year PFS 32% and gives S(24) = 0.165.
        var model = new CureMixtureModel(0.12, new ExponentialModel(0.1235));
        Assert.Equal(0.32, model.Survival(12), 0.005);
        Assert.Equal(0.165, model.Survival(24), 0.0005);
        // The plain exponential through the 1-year point falls to 0.10 by two years.
        Assert.Equal(0.10, ExponentialModel.ThroughLandmark(12, 0.32).Survival(24), 0.005);
    }

    [Fact]
    public void ClosedForms()
    {
        var model = new CureMixtureModel(0.362, new ExponentialModel(0.0665));
        double su = Math.Exp(-0.0665 * 12);
        Assert.Equal(0.362 + 0.638 * su, model.Survival(12), 1e-15);
        Assert.Equal(0.638 * su * 0.0665 / (0.362 + 0.638 * su), model.Hazard(12), 1e-15);
        Assert.False(model.IsExponential);
        Assert.True(new CureMixtureModel(0, new ExponentialModel(0.0665)).IsExponential);
    }

    [Fact]
    public void ThroughLandmarks_BelowTheExponentialExtrapolation_ExplainsWhy()
    {
        // The exponential through S(12) = 0.5 gives S(24) = 0.25; a cure fraction can only lift
        // the tail above that, never push it below.
        var error = Assert.Throws<ArgumentException>(() => CureMixtureModel.ThroughLandmarks(12, 0.5, 24, 0.2));
        Assert.Contains("0.25", error.Message);
        Assert.Contains("exponential extrapolation", error.Message);
    }

    [Theory]
    [InlineData(12, 0.3, 24, 0.5)]   // survival rises
    [InlineData(12, 0.5, 24, 0.5)]   // flat
    [InlineData(12, 0.5, 12, 0.4)]   // one time
    [InlineData(0, 0.9, 24, 0.4)]
    [InlineData(12, 1.0, 24, 0.4)]
    [InlineData(12, 0.5, 24, 0.0)]
    [InlineData(12, double.NaN, 24, 0.4)]
    [InlineData(double.NaN, 0.5, 24, 0.4)]
    public void ThroughLandmarks_RejectsImpossibleLandmarks(double time1, double survival1, double time2, double survival2)
    {
        var error = Assert.Throws<ArgumentException>(() => CureMixtureModel.ThroughLandmarks(time1, survival1, time2, survival2));
        Assert.Contains("S(t1)", error.Message);
        // The message quotes the landmarks it was given.
        Assert.Contains(survival2.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Constructor_RejectsCureFractionsOutsideZeroToOne(double cureFraction)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CureMixtureModel(cureFraction, new ExponentialModel(0.1)));
        Assert.Equal("cureFraction", error.ParamName);
    }

    [Fact]
    public void Constructor_RejectsMissingSusceptibleModel()
    {
        Assert.Throws<ArgumentNullException>(() => new CureMixtureModel(0.3, null!));
    }
}

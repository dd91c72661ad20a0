using TrialSim.Distributions;

namespace TrialSim.Tests.Distributions;

public class WeibullModelTest
{
    [Fact]
    public void SsgXxvAlternative_MatchesPublishedLandmarks()
    {
        // gist-trials.md: shape 0.50, scale 47.8 gives S(12) = 0.61, S(60) = 0.33 (two decimals).
        var model = new WeibullModel(0.5, 47.8);
        Assert.Equal(0.61, model.Survival(12), 0.005);
        Assert.Equal(0.33, model.Survival(60), 0.005);
    }

    [Fact]
    public void ClosedForms()
    {
        var model = new WeibullModel(0.5, 47.8);
        Assert.Equal(Math.Exp(-Math.Sqrt(12 / 47.8)), model.Survival(12), 1e-15);
        Assert.Equal(0.5 / 47.8 * Math.Pow(12 / 47.8, -0.5), model.Hazard(12), 1e-15);
        Assert.Equal(47.8 * Math.Log(2) * Math.Log(2), model.Median, 1e-12);
        // A decreasing hazard starts infinite at zero.
        Assert.Equal(double.PositiveInfinity, model.Hazard(0));
        Assert.False(model.IsExponential);
    }

    [Fact]
    public void ShapeOne_IsTheExponential()
    {
        var weibull = new WeibullModel(1, 20);
        var exponential = new ExponentialModel(1.0 / 20);
        Assert.True(weibull.IsExponential);
        Assert.Equal(1.0 / 20, weibull.Hazard(0));
        foreach (double t in new[] { 1.0, 7, 30 })
            Assert.Equal(exponential.Survival(t), weibull.Survival(t), 1e-15);
    }

    [Theory]
    [InlineData(12, 0.61, 60, 0.33)]
    [InlineData(6, 0.9, 24, 0.4)]
    [InlineData(60, 0.33, 12, 0.61)]
    public void ThroughLandmarks_ReproducesBothLandmarks(double time1, double survival1, double time2, double survival2)
    {
        var model = WeibullModel.ThroughLandmarks(time1, survival1, time2, survival2);
        Assert.Equal(survival1, model.Survival(time1), 1e-10);
        Assert.Equal(survival2, model.Survival(time2), 1e-10);
    }

    [Fact]
    public void ThroughLandmarks_RecoversShapeAndScale()
    {
        var truth = new WeibullModel(0.5, 47.8);
        var model = WeibullModel.ThroughLandmarks(12, truth.Survival(12), 60, truth.Survival(60));
        Assert.Equal(0.5, model.Shape, 1e-12);
        Assert.Equal(47.8, model.Scale, 1e-10);
    }

    [Theory]
    [InlineData(12, 0.3, 60, 0.5)]    // survival rises
    [InlineData(12, 0.5, 60, 0.5)]    // flat
    [InlineData(12, 0.5, 12, 0.4)]    // one time
    [InlineData(12, 1.0, 60, 0.5)]
    [InlineData(12, 0.6, 60, 0.0)]
    [InlineData(12, 1.5, 60, 0.5)]
    [InlineData(-12, 0.6, 60, 0.5)]
    [InlineData(12, double.NaN, 60, 0.5)]
    public void ThroughLandmarks_RejectsUnsolvablePairs(double time1, double survival1, double time2, double survival2)
    {
        var error = Assert.Throws<ArgumentException>(() => WeibullModel.ThroughLandmarks(time1, survival1, time2, survival2));
        // The message quotes the landmarks it was given, so a scenario file's mistake can be found.
        Assert.Contains(survival1.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public void ThroughLandmarks_OutOfRangeSurvivalIsNotBlamedOnTheShape()
    {
        var error = Assert.Throws<ArgumentException>(() => WeibullModel.ThroughLandmarks(12, 1.5, 60, 0.5));
        Assert.Contains("strictly between 0 and 1", error.Message);
    }

    [Theory]
    [InlineData(-0.5, 47.8, "shape")]
    [InlineData(double.NaN, 47.8, "shape")]
    [InlineData(0.5, 0, "scale")]
    [InlineData(0.5, double.NaN, "scale")]
    [InlineData(0.5, double.PositiveInfinity, "scale")]
    public void Constructor_RejectsInvalidParameters(double shape, double scale, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new WeibullModel(shape, scale));
        Assert.Equal(parameter, error.ParamName);
    }
}

using TrialSim.Distributions;

namespace TrialSim.Tests.Distributions;

public class ExponentialModelTest
{
    [Fact]
    public void WithMedian_GivesLogTwoOverTheMedian()
    {
        // SSG XXV H0: median 13.2 months.
        var model = ExponentialModel.WithMedian(13.2);
        Assert.Equal(Math.Log(2) / 13.2, model.Rate);
        Assert.Equal(13.2, model.Median, 1e-12);
    }

    [Fact]
    public void ThroughLandmark_SolvesTheRate()
    {
        // SSG XXV H0: 3-year PFS 15% gives 0.0527 per month.
        var model = ExponentialModel.ThroughLandmark(36, 0.15);
        Assert.Equal(-Math.Log(0.15) / 36, model.Rate);
        Assert.Equal(0.0526978, model.Rate, 1e-7);
        Assert.Equal(0.15, model.Survival(36), 1e-14);
    }

    [Fact]
    public void ClosedForms()
    {
        var model = new ExponentialModel(0.0527);
        Assert.Equal(Math.Exp(-0.0527 * 12), model.Survival(12));
        Assert.Equal(0.0527, model.Hazard(40));
        Assert.Equal(0.0527 * 12, model.CumulativeHazard(12));
        Assert.Equal(1.0, model.Survival(-3));
        Assert.Equal(double.PositiveInfinity, model.InverseSurvival(0));
        Assert.True(model.IsExponential);
    }

    [Fact]
    public void BothExponentialsMissTheSsgXxvShape()
    {
        // gist-trials.md: median 23 gives S(36) = 0.34; S(36) = 0.42 gives median 28.8.
        Assert.Equal(0.34, ExponentialModel.WithMedian(23).Survival(36), 0.005);
        Assert.Equal(28.8, ExponentialModel.ThroughLandmark(36, 0.42).Median, 0.05);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_RejectsRatesThatAreNotPositiveAndFinite(double rate)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialModel(rate));
        Assert.Equal("rate", error.ParamName);
    }

    [Theory]
    [InlineData(36, 0.0)]
    [InlineData(36, 1.0)]
    [InlineData(36, double.NaN)]
    [InlineData(0, 0.5)]
    [InlineData(double.NaN, 0.5)]
    public void ThroughLandmark_RejectsImpossibleLandmarks(double time, double survival)
    {
        Assert.ThrowsAny<ArgumentException>(() => ExponentialModel.ThroughLandmark(time, survival));
    }

    [Fact]
    public void WithMedian_RejectsNonPositiveMedian()
    {
        Assert.ThrowsAny<ArgumentException>(() => ExponentialModel.WithMedian(0));
        Assert.ThrowsAny<ArgumentException>(() => ExponentialModel.WithMedian(double.NaN));
    }
}

using TrialSim.SampleSize;

namespace TrialSim.Tests.SampleSize;

public class RequiredCountTest
{
    [Theory]
    [InlineData(65.3456592588709, 66)]
    [InlineData(26.0, 26)] // a whole number is its own ceiling
    [InlineData(0.2, 1)]
    public void Ceiling_IsTheSmallestWholeNumberAtLeastTheValue(double value, int ceiling)
    {
        var count = new RequiredCount(value);
        Assert.Equal(value, count.Value);
        Assert.Equal(ceiling, count.Ceiling);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(3e9)]
    public void Constructor_RejectsWhatNoTrialCanPlanWith(double value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RequiredCount(value));
        Assert.Equal("value", error.ParamName);
    }
}

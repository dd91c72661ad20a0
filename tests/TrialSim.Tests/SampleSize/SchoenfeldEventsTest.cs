using MathNet.Numerics.Distributions;
using TrialSim.SampleSize;

namespace TrialSim.Tests.SampleSize;

public class SchoenfeldEventsTest
{
    // Events from rpact 3.3.4: getSampleSizeSurvival(hazardRatio, alpha, beta = 1 - power, sided,
    // allocationRatioPlanned = k, typeOfComputation = "Schoenfeld", lambda2 = log(2) / 12, accrualTime = c(0, 12),
    // followUpTime = 12)$maxNumberOfEvents (the events do not depend on the accrual and follow-up).
    // allocation = k / (1 + k).
    [Theory]
    [InlineData(0.5, 0.025, 0.8, 0.5, 1, 65.3456592588709, 1e-9)]
    [InlineData(0.5, 0.025, 0.8, 2.0 / 3, 1, 73.5138666662298, 1e-9)]
    [InlineData(0.7, 0.025, 0.8, 0.5, 1, 246.787104547358, 1e-9)]
    [InlineData(0.7, 0.025, 0.8, 2.0 / 3, 1, 277.635492615778, 1e-9)]
    [InlineData(1.5, 0.025, 0.8, 0.5, 1, 190.968040183989, 1e-9)]
    [InlineData(1.5, 0.025, 0.8, 2.0 / 3, 1, 214.839045206988, 1e-9)]
    [InlineData(0.7, 0.05, 0.9, 0.5, 2, 330.37791396381, 1e-9)]
    // validation.md: rpact getSampleSizeSurvival(alpha = 0.01) defaults, pi2 = 0.2 and pi1 = 0.4 / 0.5 / 0.6 at
    // 12 months, so HR = log(1 - pi1) / log(0.8).
    [InlineData(2.28922422699410, 0.01, 0.8, 0.5, 1, 58.52451, 5e-6)]
    [InlineData(3.10628371950539, 0.01, 0.8, 0.5, 1, 31.248898, 5e-7)]
    [InlineData(4.10628371950539, 0.01, 0.8, 0.5, 1, 20.120262, 5e-7)]
    // validation.md: gsDesign nSurv(lambdaC = log(2) / 20, hr = 0.5, ...) at one-sided 0.025, power 0.9: 87.4793 events.
    [InlineData(0.5, 0.025, 0.9, 0.5, 1, 87.4793, 5e-5)]
    public void Required_MatchesReference(double hazardRatio, double alpha, double power, double allocation, int sided, double expected, double tolerance)
    {
        // The tolerance is half a unit in the last digit the reference printed.
        RequiredCount events = SchoenfeldEvents.Required(hazardRatio, alpha, power, allocation, sided);
        Assert.Equal(expected, events.Value, tolerance);
        Assert.Equal((int)Math.Ceiling(expected), events.Ceiling);
    }

    [Fact]
    public void Required_HandClosedForm()
    {
        // HR 0.5, one-sided 0.025, power 0.8, 1:1: (z_0.975 + z_0.8)^2 / (0.25 log^2 2)
        // = (1.9599639845400536 + 0.8416212335729144)^2 / 0.1201132534795503 (R qnorm) = 65.3456592588709; 66 to plan with.
        double zSum = 1.9599639845400536 + 0.8416212335729144;
        double expected = zSum * zSum / (0.25 * Math.Log(2) * Math.Log(2));
        RequiredCount events = SchoenfeldEvents.Required(0.5, 0.025, 0.8);
        Assert.Equal(expected, events.Value, 1e-10);
        Assert.Equal(66, events.Ceiling);
        // Depends on HR only through |log HR| and on the allocation only through p (1 - p).
        Assert.Equal(events.Value, SchoenfeldEvents.Required(2.0, 0.025, 0.8).Value, 1e-10);
        Assert.Equal(SchoenfeldEvents.Required(0.7, 0.025, 0.8, 0.25).Value, SchoenfeldEvents.Required(0.7, 0.025, 0.8, 0.75).Value, 1e-10);
    }

    // Power from rpact 3.3.4 getPowerSurvival(..., typeOfComputation = "Schoenfeld", maxNumberOfEvents = d)$overallReject
    // (directionUpper = FALSE for HR < 1). The first is validation.md's "Schoenfeld power for 88 events, 0.902".
    [Theory]
    [InlineData(88, 0.5, 0.025, 0.5, 1, 0.901680141413268)]
    [InlineData(200, 0.7, 0.025, 2.0 / 3, 1, 0.661978541430581)]
    [InlineData(150, 1.5, 0.025, 1.0 / 3, 1, 0.648394631683992)]
    // Two-sided: rpact counts both tails (one tail alone is 0.712979029926964).
    [InlineData(200, 0.7, 0.05, 0.5, 2, 0.71298272662821)]
    public void Power_MatchesRpact(double events, double hazardRatio, double alpha, double allocation, int sided, double expected)
    {
        Assert.Equal(expected, SchoenfeldEvents.Power(events, hazardRatio, alpha, allocation, sided), 1e-12);
    }

    [Theory]
    [InlineData(0.6, 0.025, 0.9, 0.5)]
    [InlineData(1.3, 0.05, 0.8, 0.3)]
    public void Power_InvertsRequired_OneSided(double hazardRatio, double alpha, double power, double allocation)
    {
        double events = SchoenfeldEvents.Required(hazardRatio, alpha, power, allocation).Value;
        Assert.Equal(power, SchoenfeldEvents.Power(events, hazardRatio, alpha, allocation), 1e-12);
    }

    [Fact]
    public void Power_TwoSided_ExceedsTargetByFarTail()
    {
        double events = SchoenfeldEvents.Required(0.7, 0.05, 0.8, sided: 2).Value;
        double farTail = Normal.CDF(0, 1, -2 * 1.9599639845400536 - 0.8416212335729144);
        Assert.Equal(0.8 + farTail, SchoenfeldEvents.Power(events, 0.7, 0.05, sided: 2), 1e-12);
    }

    [Theory]
    [InlineData(1.0, 0.025, 0.8, 0.5, 1, "hazardRatio")]
    [InlineData(0.0, 0.025, 0.8, 0.5, 1, "hazardRatio")]
    [InlineData(double.NaN, 0.025, 0.8, 0.5, 1, "hazardRatio")]
    [InlineData(double.PositiveInfinity, 0.025, 0.8, 0.5, 1, "hazardRatio")]
    [InlineData(0.7, 0.0, 0.8, 0.5, 1, "alpha")]
    [InlineData(0.7, 1.0, 0.8, 0.5, 1, "alpha")]
    [InlineData(0.7, double.NaN, 0.8, 0.5, 1, "alpha")]
    [InlineData(0.7, 0.025, 1.0, 0.5, 1, "power")]
    [InlineData(0.7, 0.025, 0.02, 0.5, 1, "power")] // below alpha: no trial needed
    [InlineData(0.7, 0.05, 0.025, 0.5, 2, "power")] // at alpha / 2
    [InlineData(0.7, 0.025, 0.8, 0.0, 1, "allocation")]
    [InlineData(0.7, 0.025, 0.8, 1.0, 1, "allocation")]
    [InlineData(0.7, 0.025, 0.8, 0.5, 3, "sided")]
    public void Required_RejectsBadArguments(double hazardRatio, double alpha, double power, double allocation, int sided, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SchoenfeldEvents.Required(hazardRatio, alpha, power, allocation, sided));
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Required_HazardRatioNextToOne_SaysTheEffectIsTooSmall()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SchoenfeldEvents.Required(1 + 1e-9, 0.025, 0.8));
        Assert.Contains("too small", error.Message);
    }

    [Theory]
    [InlineData(0.0, "events")]
    [InlineData(double.NaN, "events")]
    [InlineData(double.PositiveInfinity, "events")]
    public void Power_RejectsBadEvents(double events, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SchoenfeldEvents.Power(events, 0.7, 0.025));
        Assert.Equal(parameter, error.ParamName);
    }
}

using TrialSim.SampleSize;

namespace TrialSim.Tests.SampleSize;

public class FreedmanEventsTest
{
    // Events from rpact 3.3.4: getSampleSizeSurvival(hazardRatio, alpha, beta = 1 - power, sided,
    // allocationRatioPlanned = k, typeOfComputation = "Freedman", lambda2 = log(2) / 12, accrualTime = c(0, 12),
    // followUpTime = 12)$maxNumberOfEvents; allocation = k / (1 + k).
    [Theory]
    [InlineData(0.5, 0.025, 0.8, 0.5, 1, 70.6399176091418)]
    [InlineData(0.5, 0.025, 0.8, 2.0 / 3, 1, 62.7910378747927)]
    [InlineData(0.7, 0.025, 0.8, 0.5, 1, 252.036249247432)]
    [InlineData(0.7, 0.025, 0.8, 2.0 / 3, 1, 251.164151499171)]
    [InlineData(1.5, 0.025, 0.8, 0.5, 1, 196.221993358727)]
    [InlineData(1.5, 0.025, 0.8, 2.0 / 3, 1, 251.164151499171)]
    [InlineData(0.7, 0.05, 0.9, 0.5, 2, 337.405029417371)]
    public void Required_MatchesRpact(double hazardRatio, double alpha, double power, double allocation, int sided, double expected)
    {
        RequiredCount events = FreedmanEvents.Required(hazardRatio, alpha, power, allocation, sided);
        Assert.Equal(expected, events.Value, 1e-9);
        Assert.Equal((int)Math.Ceiling(expected), events.Ceiling);
    }

    [Fact]
    public void Required_HandClosedForm()
    {
        // 1:1, HR 0.5, one-sided 0.025, power 0.8: ((1 + 0.5) / (1 - 0.5))^2 (z_0.975 + z_0.8)^2 = 9 x 7.8488797343490857
        // (R qnorm) = 70.6399176091418.
        Assert.Equal(9 * 7.8488797343490857, FreedmanEvents.Required(0.5, 0.025, 0.8).Value, 1e-10);
        // 2:1 (k = 2), HR 0.5: (1 + k HR)^2 / (k (1 - HR)^2) = 4 / 0.5 = 8 times the same.
        Assert.Equal(8 * 7.8488797343490857, FreedmanEvents.Required(0.5, 0.025, 0.8, 2.0 / 3).Value, 1e-10);
        // Not symmetric in the arms, unlike Schoenfeld: swapping the allocation changes the answer.
        Assert.NotEqual(FreedmanEvents.Required(0.5, 0.025, 0.8, 1.0 / 3).Value, FreedmanEvents.Required(0.5, 0.025, 0.8, 2.0 / 3).Value, 1e-6);
    }

    // Power from rpact 3.3.4 getPowerSurvival(..., typeOfComputation = "Freedman", maxNumberOfEvents = d)$overallReject
    // (directionUpper = FALSE for HR < 1). Hand check of the first: 2.5 = sqrt(200 x 2) x 0.3 / (1 + 2 x 0.7),
    // Phi(2.5 - 1.96) = 0.7054.
    [Theory]
    [InlineData(200, 0.7, 0.025, 2.0 / 3, 1, 0.705413902442457)]
    [InlineData(150, 1.5, 0.025, 1.0 / 3, 1, 0.696511832392926)]
    [InlineData(200, 0.7, 0.05, 0.5, 2, 0.703923652484463)]
    public void Power_MatchesRpact(double events, double hazardRatio, double alpha, double allocation, int sided, double expected)
    {
        Assert.Equal(expected, FreedmanEvents.Power(events, hazardRatio, alpha, allocation, sided), 1e-12);
    }

    [Theory]
    [InlineData(0.6, 0.025, 0.9, 0.5)]
    [InlineData(1.3, 0.05, 0.8, 0.3)]
    public void Power_InvertsRequired_OneSided(double hazardRatio, double alpha, double power, double allocation)
    {
        double events = FreedmanEvents.Required(hazardRatio, alpha, power, allocation).Value;
        Assert.Equal(power, FreedmanEvents.Power(events, hazardRatio, alpha, allocation), 1e-12);
    }

    [Fact]
    public void Required_AtLeastSchoenfeld_AtEqualAllocation()
    {
        // For 1:1, 2 |1 - HR| / (1 + HR) <= |log HR| for every HR, so Freedman never asks for fewer events.
        foreach (double hazardRatio in new[] { 0.3, 0.5, 0.8, 0.95, 1.1, 2.0 })
            Assert.True(FreedmanEvents.Required(hazardRatio, 0.025, 0.8).Value >= SchoenfeldEvents.Required(hazardRatio, 0.025, 0.8).Value);
    }

    [Theory]
    [InlineData(1.0, 0.025, 0.8, 0.5, 1, "hazardRatio")]
    [InlineData(-0.5, 0.025, 0.8, 0.5, 1, "hazardRatio")]
    [InlineData(0.7, 1.5, 0.8, 0.5, 1, "alpha")]
    [InlineData(0.7, 0.025, 0.0, 0.5, 1, "power")]
    [InlineData(0.7, 0.025, 0.8, double.NaN, 1, "allocation")]
    [InlineData(0.7, 0.025, 0.8, 0.5, 0, "sided")]
    public void Required_RejectsBadArguments(double hazardRatio, double alpha, double power, double allocation, int sided, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FreedmanEvents.Required(hazardRatio, alpha, power, allocation, sided));
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Power_RejectsBadEvents()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FreedmanEvents.Power(-1, 0.7, 0.025));
        Assert.Equal("events", error.ParamName);
    }
}

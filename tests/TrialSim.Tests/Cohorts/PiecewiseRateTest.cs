using TrialSim.Cohorts;

namespace TrialSim.Tests.Cohorts;

public class PiecewiseRateTest
{
    private static readonly Site[] ThreeSites =
    [
        new("first", 0, 0.2),
        new("second", 6, 0.15),
        new("third", 12, 0.1),
    ];

    /// <summary>Naive reference: each site contributes its rate times the months it has been open.</summary>
    private static double NaiveCumulative(IEnumerable<Site> sites, double time) =>
        sites.Sum(s => s.Rate * Math.Max(0, time - s.Opens));

    [Fact]
    public void FromSites_AddsEachSitesRateFromTheMonthItOpens()
    {
        var rate = PiecewiseRate.FromSites(ThreeSites);
        Assert.Equal([0.0, 6, 12], rate.Starts.ToArray());
        Assert.Equal(0.2, rate.Rates[0], 1e-15);
        Assert.Equal(0.35, rate.Rates[1], 1e-15);
        Assert.Equal(0.45, rate.Rates[2], 1e-15);
    }

    [Fact]
    public void FromSites_CumulativeAgreesWithNaiveReference()
    {
        var rate = PiecewiseRate.FromSites(ThreeSites);
        for (double t = -1; t <= 40; t += 0.25)
            Assert.Equal(NaiveCumulative(ThreeSites, t), rate.Cumulative(t), 1e-12);
    }

    [Fact]
    public void FromSites_WithNoSiteOpenAtZero_StartsWithAZeroRate()
    {
        Site[] sites = [new("late", 3, 0.5), new("later", 3, 0.25)];
        var rate = PiecewiseRate.FromSites(sites);
        Assert.Equal([0.0, 3], rate.Starts.ToArray());
        Assert.Equal([0.0, 0.75], rate.Rates.ToArray());
        // No arrival can come before the first site opens.
        Assert.Equal(3.0, rate.InverseCumulative(1e-300), 1e-12);
        Assert.Equal(5.0, rate.InverseCumulative(1.5), 1e-12);
    }

    [Fact]
    public void CumulativeAndInverseCumulative_AreInverse()
    {
        var rate = PiecewiseRate.FromSites(ThreeSites);
        for (double t = 0; t <= 40; t += 0.25)
            Assert.Equal(t, rate.InverseCumulative(rate.Cumulative(t)), 1e-12);
        for (double c = 0; c <= 15; c += 0.1)
            Assert.Equal(c, rate.Cumulative(rate.InverseCumulative(c)), 1e-12);
    }

    [Fact]
    public void ZeroFinalRate_BeyondTheTotalNeverArrives()
    {
        var rate = new PiecewiseRate([0, 12], [0.5, 0]);
        Assert.Equal(6.0, rate.Cumulative(1000));
        Assert.Equal(double.PositiveInfinity, rate.InverseCumulative(6.0001));
        // Exactly the total is reached at 12, when the last site closes.
        Assert.Equal(12.0, rate.InverseCumulative(6.0));
    }

    [Fact]
    public void InverseCumulative_AtTheLevelOfAPause_IsWhenThePauseBegins()
    {
        // A recruitment pause from 6 to 12: the cumulative level 1.5 is first reached at 6.
        var rate = new PiecewiseRate([0, 6, 12], [0.25, 0, 0.5]);
        Assert.Equal(6.0, rate.InverseCumulative(1.5));
        Assert.Equal(13.0, rate.InverseCumulative(2.0));
        Assert.Equal(5.0, rate.InverseCumulative(1.25));
    }

    [Theory]
    [InlineData(new double[0], new double[0])]
    [InlineData(new double[] { 0, 6 }, new double[] { 0.2 })]
    [InlineData(new double[] { 1, 6 }, new double[] { 0.2, 0.3 })]        // not starting at 0
    [InlineData(new double[] { 0, 6, 6 }, new double[] { 0.2, 0.3, 0.4 })] // not increasing
    [InlineData(new double[] { 0, 6 }, new double[] { 0.2, -0.3 })]
    [InlineData(new double[] { 0, 6 }, new double[] { 0.2, double.NaN })]
    [InlineData(new double[] { 0, 6 }, new double[] { double.PositiveInfinity, 0.3 })]
    public void Constructor_RejectsInvalidPieces(double[] starts, double[] rates)
    {
        Assert.ThrowsAny<ArgumentException>(() => new PiecewiseRate(starts, rates));
    }
}

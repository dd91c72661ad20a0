using TrialSim.Distributions;

namespace TrialSim.Tests.Distributions;

public class PiecewiseExponentialModelTest
{
    /// <summary>Naive reference: integrate the hazard piece by piece.</summary>
    private static double NaiveCumulativeHazard(double[] breaks, double[] rates, double time)
    {
        double total = 0, start = 0;
        for (int k = 0; k < rates.Length; k++)
        {
            double end = k < breaks.Length ? breaks[k] : double.PositiveInfinity;
            if (time <= start) break;
            total += rates[k] * (Math.Min(time, end) - start);
            start = end;
        }
        return total;
    }

    [Fact]
    public void CumulativeHazard_AgreesWithNaiveReference()
    {
        double[] breaks = [6, 24], rates = [0.1, 0.03, 0.01];
        var model = new PiecewiseExponentialModel(breaks, rates);
        for (double t = 0; t <= 80; t += 0.5)
            Assert.Equal(NaiveCumulativeHazard(breaks, rates, t), model.CumulativeHazard(t), 1e-13);
    }

    [Fact]
    public void ClosedForms()
    {
        var model = new PiecewiseExponentialModel([6, 24], [0.1, 0.03, 0.01]);
        Assert.Equal([0.0, 6, 24], model.Starts.ToArray());
        Assert.Equal(Math.Exp(-(0.6 + 0.03 * 6)), model.Survival(12), 1e-15);
        Assert.Equal(Math.Exp(-(0.6 + 0.54 + 0.01 * 36)), model.Survival(60), 1e-15);
        // The hazard is right-continuous: a break belongs to the piece it starts.
        Assert.Equal(0.1, model.Hazard(5.999));
        Assert.Equal(0.03, model.Hazard(6));
        Assert.Equal(0.01, model.Hazard(24));
        Assert.Equal(0.1, model.Hazard(-1));
        Assert.False(model.IsExponential);
        Assert.True(new PiecewiseExponentialModel([6], [0.05, 0.05]).IsExponential);
    }

    [Fact]
    public void ZeroFinalRate_PlateausAtTheLastBreak()
    {
        var model = new PiecewiseExponentialModel([6, 24], [0.1, 0.03, 0.0]);
        double plateau = Math.Exp(-(0.6 + 0.54));
        Assert.Equal(plateau, model.Survival(24), 1e-15);
        Assert.Equal(plateau, model.Survival(1000), 1e-15);
        Assert.Equal(double.PositiveInfinity, model.InverseSurvival(plateau * 0.999));
        Assert.Equal(24, model.InverseSurvival(plateau * 1.000001), 1e-3);
    }

    [Fact]
    public void InverseSurvival_AtTheLevelOfAZeroRatePiece_IsTheFirstTimeSurvivalGetsThere()
    {
        // Rates chosen so the cumulative hazard at 8 and at 16 is exactly 1.
        var model = new PiecewiseExponentialModel([8, 16], [0.125, 0, 0.0625]);
        double u = Math.Exp(-1.0);
        Assert.Equal(1.0, -Math.Log(u)); // the tie really is a tie in floating point
        // Quantile is the smallest t with S(t) <= u: the start of the flat stretch, not its end.
        Assert.Equal(8.0, model.InverseSurvival(u));
    }

    [Fact]
    public void InverseSurvival_AtAZeroFinalRatePlateau_IsTheTimeItIsReached()
    {
        var model = new PiecewiseExponentialModel([8], [0.125, 0]);
        double u = Math.Exp(-1.0);
        Assert.Equal(1.0, -Math.Log(u));
        // S(8) = u exactly, so the plateau level is reached at 8, not never.
        Assert.Equal(8.0, model.InverseSurvival(u));
        Assert.Equal(double.PositiveInfinity, model.InverseSurvival(Math.BitDecrement(u)));
    }

    [Fact]
    public void ThroughLandmarks_ReproducesEveryLandmark()
    {
        double[] times = [12, 36, 60], survivals = [0.65, 0.42, 0.37];
        var model = PiecewiseExponentialModel.ThroughLandmarks(times, survivals);
        Assert.Equal([0.0, 12, 36], model.Starts.ToArray());
        for (int k = 0; k < times.Length; k++)
            Assert.Equal(survivals[k], model.Survival(times[k]), 1e-12);
        // The last rate carries on beyond the last landmark.
        Assert.Equal(model.Rates[^1], model.Hazard(100));
    }

    [Fact]
    public void ThroughLandmarks_AllowsAFlatStretch()
    {
        var model = PiecewiseExponentialModel.ThroughLandmarks([12, 24], [0.5, 0.5]);
        Assert.Equal(0.0, model.Rates[1]);
        Assert.Equal(0.5, model.Survival(100), 1e-15);
    }

    [Theory]
    [InlineData(new double[] { 12, 36 }, new double[] { 0.4, 0.6 })]     // survival rises
    [InlineData(new double[] { 36, 12 }, new double[] { 0.6, 0.4 })]     // times fall
    [InlineData(new double[] { 12, 36 }, new double[] { 0.6, 0.0 })]     // zero survival
    [InlineData(new double[] { 12, 36 }, new double[] { 1.2, 0.4 })]     // above one
    [InlineData(new double[] { 0, 36 }, new double[] { 0.9, 0.4 })]      // time zero
    [InlineData(new double[] { 12, 36 }, new double[] { 0.6 })]          // counts differ
    [InlineData(new double[] { 12 }, new double[] { 0.6, 0.4 })]         // counts differ
    [InlineData(new double[0], new double[0])]
    public void ThroughLandmarks_RejectsImpossibleLandmarks(double[] times, double[] survivals)
    {
        Assert.ThrowsAny<ArgumentException>(() => PiecewiseExponentialModel.ThroughLandmarks(times, survivals));
    }

    [Theory]
    [InlineData(new double[] { 24, 6 }, new double[] { 0.1, 0.03, 0.01 })]          // breaks fall
    [InlineData(new double[] { 6, 6 }, new double[] { 0.1, 0.03, 0.01 })]           // repeated break
    [InlineData(new double[] { 0, 6 }, new double[] { 0.1, 0.03, 0.01 })]           // break at zero
    [InlineData(new double[] { -1, 6 }, new double[] { 0.1, 0.03, 0.01 })]
    [InlineData(new double[] { 6, double.NaN }, new double[] { 0.1, 0.03, 0.01 })]
    [InlineData(new double[] { 6, double.PositiveInfinity }, new double[] { 0.1, 0.03, 0.01 })]
    [InlineData(new double[] { 6, 24 }, new double[] { 0.1, 0.03 })]                // count mismatch
    [InlineData(new double[] { 6 }, new double[] { 0.1, 0.03, 0.01 })]
    [InlineData(new double[] { 6, 24 }, new double[] { 0.1, -0.03, 0.01 })]         // negative rate
    [InlineData(new double[] { 6, 24 }, new double[] { 0.1, double.NaN, 0.01 })]
    [InlineData(new double[] { 6, 24 }, new double[] { 0.1, 0.03, double.PositiveInfinity })]
    public void Constructor_RejectsInvalidParameters(double[] breaks, double[] rates)
    {
        Assert.ThrowsAny<ArgumentException>(() => new PiecewiseExponentialModel(breaks, rates));
    }

    [Fact]
    public void Constructor_RateCountMismatchMessageGivesBothCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => new PiecewiseExponentialModel([6, 24], [0.1, 0.03]));
        Assert.Contains("2 breaks, 2 rates", error.Message);
    }

    [Fact]
    public void Equality_IsByValue()
    {
        Assert.Equal(new PiecewiseExponentialModel([6, 24], [0.1, 0.03, 0.01]), new PiecewiseExponentialModel([6, 24], [0.1, 0.03, 0.01]));
        Assert.NotEqual(new PiecewiseExponentialModel([6, 24], [0.1, 0.03, 0.01]), new PiecewiseExponentialModel([6, 24], [0.1, 0.03, 0.02]));
    }
}

using MathNet.Numerics.Distributions;
using TrialSim.Decisions;

namespace TrialSim.Tests.Decisions;

// The fast normal distribution function of the integration's inner loops against MathNet's erfc.
public class StandardNormalTest
{
    [Fact]
    public void Cdf_matches_MathNet_to_1e_15_absolute_and_1e_8_relative_in_the_lower_tail()
    {
        for (double x = -37.0; x <= 9.0; x += 0.0037)
        {
            double expected = Normal.CDF(0, 1, x);
            double actual = StandardNormal.Cdf(x);
            Assert.True(Math.Abs(actual - expected) < 1e-15, $"Phi({x}) = {actual}, MathNet {expected}");
            if (x < 0) Assert.True(Math.Abs(actual - expected) <= 1e-8 * expected, $"Phi({x}) = {actual}, MathNet {expected} (relative)");
        }
    }

    [Fact]
    public void Cdf_and_density_vanish_beyond_the_cutoff()
    {
        Assert.Equal(0.0, StandardNormal.Cdf(-40));
        Assert.Equal(1.0, StandardNormal.Cdf(40));
        Assert.Equal(0.0, StandardNormal.Density(40));
        Assert.Equal(Normal.PDF(0, 1, 1.3), StandardNormal.Density(1.3), 1e-16);
    }
}

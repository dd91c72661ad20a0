using TrialSim.Distributions;
using TrialSim.Running;

namespace TrialSim.Tests.Distributions;

public class StandardExponentialTest
{
    /// <summary>Uniforms from the stream, plus the extremes an open-unit uniform can take and the
    /// places where the logarithm changes form (powers of two, the sqrt(2) split of the mantissa).</summary>
    private static double[] Uniforms(int count)
    {
        var stream = new RandomStream(20250101, 0, 0, 0);
        var uniforms = new double[count];
        stream.NextOpenUnits(uniforms);
        double[] special = [1.0 / (1UL << 53), 1 - 1.0 / (1UL << 53), 0.5, 0.25, Math.Sqrt(0.5), Math.BitDecrement(Math.Sqrt(0.5)),
            Math.BitIncrement(Math.Sqrt(0.5)), 1.0, 1e-300, 0.999999, 0.7, 0.3];
        special.CopyTo(uniforms, 0);
        return uniforms;
    }

    /// <summary>The vector steps against the scalar form of the same steps: bit for bit, whatever the
    /// vector width (AVX-512, AVX2, none) the machine runs, and for lengths that leave tails.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(12)]
    [InlineData(1003)]
    public void FromUniforms_equals_the_scalar_form(int count)
    {
        var uniforms = Uniforms(Math.Max(count, 12))[..count];
        var drawn = new double[count];
        StandardExponential.FromUniforms(uniforms, drawn);
        Assert.Equal(uniforms.Select(StandardExponential.FromUniform).ToArray(), drawn);
        var rates = uniforms.Select((_, i) => 0.01 + i % 5).ToArray();
        var atRates = new double[count];
        StandardExponential.FromUniforms(uniforms, rates, atRates);
        Assert.Equal(uniforms.Select((u, i) => StandardExponential.FromUniform(u) / rates[i]).ToArray(), atRates);
    }

    /// <summary>fdlibm's logarithm (error below 1 ulp) against the C library's: at most 1 ulp apart,
    /// equal for most uniforms.</summary>
    [Fact]
    public void FromUniform_is_within_one_ulp_of_Math_Log()
    {
        var uniforms = Uniforms(200_000);
        int differ = 0;
        foreach (double u in uniforms)
        {
            double expected = -Math.Log(u), actual = StandardExponential.FromUniform(u);
            if (expected == actual) continue;
            differ++;
            Assert.True(Math.Abs(BitConverter.DoubleToInt64Bits(expected) - BitConverter.DoubleToInt64Bits(actual)) <= 1,
                $"-log({u:R}): {actual:R} against Math.Log's {expected:R}");
        }
        Assert.True(differ < uniforms.Length / 5, $"{differ} of {uniforms.Length} differ in the last bit");
    }
}

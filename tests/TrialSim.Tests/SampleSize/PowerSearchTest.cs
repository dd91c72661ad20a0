using TrialSim.SampleSize;

namespace TrialSim.Tests.SampleSize;

public class PowerSearchTest
{
    /// <summary>A power curve with a Monte Carlo error that shrinks as 1/sqrt(replicates), as simulation's does.</summary>
    private static Func<int, int, PowerEstimate> Curve(IReadOnlyList<double> values, Func<double, double> power, List<(int Index, int Replicates)>? calls = null) =>
        (i, n) =>
        {
            calls?.Add((i, n));
            double p = power(values[i]);
            return new PowerEstimate(values[i], p, Math.Sqrt(p * (1 - p) / n), n);
        };

    private static double[] Range(int from, int to) => Enumerable.Range(from, to - from + 1).Select(v => (double)v).ToArray();

    [Fact]
    public void Finds_the_smallest_value_reaching_the_target_and_reports_the_one_below()
    {
        var values = Range(10, 60);
        // Power at 32 is 0.7981, 0.0019 below: decisive only from about 300,000 trials.
        var result = PowerSearch.Smallest(values, 0.8, 10_000, 1_280_000, Curve(values, n => 1 - Math.Exp(-n / 20.0)));
        // 1 - exp(-n/20) >= 0.8 <=> n >= 20 ln 5 = 32.19.
        Assert.Equal(33, result.Found!.Value);
        Assert.Equal(32, result.Below!.Value);
        Assert.True(result.Resolved);
        Assert.False(result.NonMonotone);
    }

    [Fact]
    public void Doubles_the_replicates_only_for_powers_within_Monte_Carlo_error_of_the_target()
    {
        var values = Range(10, 60);
        var calls = new List<(int Index, int Replicates)>();
        // Power at 33 is 0.8015: 0.0015 above the target, about 0.4 MCSE at 1,000 trials, 3.4 at 512,000.
        var result = PowerSearch.Smallest(values, 0.8, 1_000, 1_024_000, Curve(values, n => n >= 33 ? 0.8015 + (n - 33) * 0.01 : 0.78 - (32 - n) * 0.01, calls));
        Assert.Equal(33, result.Found!.Value);
        Assert.True(result.Resolved);
        Assert.True(result.Found.Replicates > 1_000, "the close call was simulated again with more trials");
        // Values far from the target were simulated once only.
        Assert.Equal(1, calls.Count(c => values[c.Index] == 10));
        Assert.Equal(1, calls.Count(c => values[c.Index] == 60));
        Assert.True(calls.Count(c => values[c.Index] == 33) > 1);
    }

    [Fact]
    public void Stops_at_the_replicate_limit_and_says_the_answer_is_unresolved()
    {
        var values = Range(1, 10);
        var result = PowerSearch.Smallest(values, 0.8, 1_000, 4_000, Curve(values, n => n >= 5 ? 0.8001 : 0.7999));
        Assert.Equal(5, result.Found!.Value);
        Assert.False(result.Resolved);
        Assert.Equal(4_000, result.Found.Replicates);
    }

    [Fact]
    public void Flags_a_non_monotone_power_curve_and_still_returns_the_smallest_value()
    {
        // The exact binomial power of validation.md's design: 0.8179 at n = 28, 0.7355 at n = 29.
        double[] values = [26, 27, 28, 29, 30, 31];
        double[] power = [0.7404, 0.7817, 0.8179, 0.7355, 0.7753, 0.8106];
        var result = PowerSearch.Smallest(values, 0.8, 20_000, 20_000, Curve(values, v => power[(int)v - 26]));
        Assert.Equal(28, result.Found!.Value);
        Assert.True(result.NonMonotone);
    }

    [Fact]
    public void Bisects_long_ranges_with_few_evaluations()
    {
        var values = Range(1, 10_000);
        var calls = new List<(int Index, int Replicates)>();
        var result = PowerSearch.Smallest(values, 0.9, 100_000, 100_000, Curve(values, n => 1 - Math.Exp(-n / 2000.0), calls));
        // 1 - exp(-n/2000) >= 0.9 <=> n >= 2000 ln 10 = 4605.17.
        Assert.Equal(4606, result.Found!.Value);
        Assert.InRange(calls.Count, 10, 20);
    }

    [Fact]
    public void Reports_the_best_power_when_nothing_reaches_the_target()
    {
        var values = Range(1, 5);
        var result = PowerSearch.Smallest(values, 0.9, 1_000, 1_000, Curve(values, n => n / 10.0));
        Assert.Null(result.Found);
        Assert.Equal(5, result.Best.Value);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Rejects_a_target_outside_zero_to_one(double target) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PowerSearch.Smallest([1, 2], target, 10, 10, (i, n) => new PowerEstimate(i, 0.5, 0.1, n)));

    [Fact]
    public void Rejects_values_that_do_not_increase() =>
        Assert.Throws<ArgumentException>(() => PowerSearch.Smallest([2, 1], 0.8, 10, 10, (i, n) => new PowerEstimate(i, 0.5, 0.1, n)));
}

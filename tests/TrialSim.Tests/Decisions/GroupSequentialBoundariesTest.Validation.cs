using TrialSim.Decisions;

namespace TrialSim.Tests.Decisions;

// Bad input at the public edge: each check names the parameter and its allowed range.
public partial class GroupSequentialBoundariesTest
{
    private static readonly SpendingEfficacyBoundary OBrienFleming = new(new LanDeMetsOBrienFleming());

    private static ArgumentException ComputeError(double[] information, double[]? spending = null, double alpha = 0.025,
        EfficacyBoundary? efficacy = null, FutilityRule? futility = null, int? outputLength = null)
    {
        int length = outputLength ?? information.Length;
        return Assert.ThrowsAny<ArgumentException>(() => GroupSequentialBoundaries.Compute(spending ?? information, information, alpha,
            efficacy ?? OBrienFleming, futility, new double[length], new double[length]));
    }

    [Theory]
    [InlineData(new[] { 0.5, 0.5, 1.0 })]
    [InlineData(new[] { 0.75, 0.5, 1.0 })]
    [InlineData(new[] { 0.0, 0.5, 1.0 })]
    [InlineData(new[] { -0.1, 0.5, 1.0 })]
    [InlineData(new[] { 0.5, double.NaN, 1.0 })]
    [InlineData(new[] { 0.5, 1.2 })]
    public void Information_fractions_must_increase_strictly_in_zero_one(double[] information)
    {
        double[] spending = [0.5, 0.75, 1.0];
        var error = ComputeError(information, spending: spending[..information.Length]);
        Assert.Equal("informationFractions", error.ParamName);
        Assert.Contains("strictly increasing in (0, 1]", error.Message);
    }

    [Fact]
    public void The_last_information_fraction_must_be_one()
    {
        var error = ComputeError([0.5, 0.9]);
        Assert.Contains("the last must be 1", error.Message);
    }

    [Fact]
    public void At_most_ten_looks()
    {
        double[] eleven = Enumerable.Range(1, 11).Select(i => i / 11.0).ToArray();
        eleven[^1] = 1.0;
        var error = ComputeError(eleven);
        Assert.Equal("informationFractions", error.ParamName);
        Assert.Contains("between 1 and 10 looks", error.Message);
        Assert.Contains("between 1 and 10 looks", ComputeError([]).Message);
    }

    [Theory]
    [InlineData(new[] { 0.75, 0.5, 1.0 })]
    [InlineData(new[] { 0.0, 0.5, 1.0 })]
    [InlineData(new[] { 0.5, 0.75, 1.1 })]
    [InlineData(new[] { 0.5, double.NaN, 1.0 })]
    public void Spending_fractions_must_not_decrease_and_lie_in_zero_one(double[] spending)
    {
        var error = ComputeError(Halves, spending);
        Assert.Equal("spendingFractions", error.ParamName);
        Assert.Contains("non-decreasing in (0, 1]", error.Message);
    }

    [Fact]
    public void Spans_need_one_entry_per_look()
    {
        Assert.Equal("spendingFractions", ComputeError(Halves, spending: [0.5, 1.0]).ParamName);
        Assert.Equal("efficacyZ", ComputeError(Halves, outputLength: 2).ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    public void Alpha_must_lie_in_zero_half(double alpha)
    {
        var error = ComputeError(Halves, alpha: alpha);
        Assert.Equal("alpha", error.ParamName);
        Assert.Contains("between 0 and 0.5", error.Message);
    }

    [Fact]
    public void Spending_function_parameters_are_checked()
    {
        var error = ComputeError(Halves, efficacy: new SpendingEfficacyBoundary(new KimDeMetsPower(-1)));
        Assert.Equal("rho", error.ParamName);
        var beta = ComputeError(Halves, futility: new BetaSpendingFutility(new LanDeMetsOBrienFleming(), 0.7, 2.9, false));
        Assert.Equal("Beta", beta.ParamName);
    }

    [Fact]
    public void Rule_lengths_are_checked()
    {
        Assert.Contains("one z per look (3)", ComputeError(Halves, efficacy: new FixedEfficacyBoundary([2.0, 2.0])).Message);
        Assert.Contains("one z per interim look (2)", ComputeError(Halves, futility: new FixedZFutility([0.0, 0.5, 1.0], false)).Message);
        Assert.Contains("finite", ComputeError(Halves, efficacy: new HaybittlePetoBoundary(double.NaN)).Message);
    }

    [Fact]
    public void Binding_hazard_ratio_and_conditional_power_rules_must_be_converted_first()
    {
        Assert.Contains("FixedZFutility", ComputeError(Halves, futility: new HazardRatioFutility(1.0, Binding: true)).Message);
        Assert.Contains("FixedZFutility", ComputeError(Halves, futility: new ConditionalPowerFutility(0.1, Binding: true)).Message);
        // Non-binding ones give no z bound here.
        var (_, futility, _) = Boundaries(Halves, 0.025, OBrienFleming, new HazardRatioFutility(1.0, Binding: false));
        Assert.Equal(double.NegativeInfinity, futility[0]);
    }

    [Fact]
    public void Crossing_probabilities_check_their_input()
    {
        var exits = new double[3];
        var error = Assert.Throws<ArgumentException>(() => GroupSequentialBoundaries.CrossingProbabilities(Halves,
            [3.0, 2.5, 2.0], [3.5, 0.0, 2.0], 0.0, exits, new double[3]));
        Assert.Equal("futilityZ", error.ParamName);
        Assert.Contains("must not exceed the efficacy bound", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => GroupSequentialBoundaries.CrossingProbabilities(Halves,
            [3.0, 2.5, 2.0], [], double.NaN, exits, new double[3]));
        Assert.Equal("efficacyExit", Assert.Throws<ArgumentException>(() => GroupSequentialBoundaries.CrossingProbabilities(Halves,
            [3.0, 2.5, 2.0], [], 0.0, new double[2], new double[3])).ParamName);
    }
}

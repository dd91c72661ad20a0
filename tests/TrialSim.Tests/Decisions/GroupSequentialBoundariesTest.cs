using System.Collections.Immutable;
using TrialSim.Decisions;

namespace TrialSim.Tests.Decisions;

// Boundaries against rpact 3.3.4 (getDesignGroupSequential; values printed with sprintf("%.10f"))
// and /work/shared/reference/validation.md. The integration agrees with rpact to about 1e-6; the
// assertions allow 1e-5.
public partial class GroupSequentialBoundariesTest
{
    private const double RpactTolerance = 1e-5;
    private static readonly double[] Halves = [0.5, 0.75, 1.0];

    internal static (double[] Efficacy, double[] Futility, BoundarySet Set) Boundaries(double[] information, double alpha,
        EfficacyBoundary efficacy, FutilityRule? futility = null, double[]? spending = null)
    {
        var b = new double[information.Length];
        var a = new double[information.Length];
        var set = GroupSequentialBoundaries.Compute(spending ?? information, information, alpha, efficacy, futility, b, a);
        return (b, a, set);
    }

    private static void AssertAll(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
            Assert.True(Math.Abs(expected[k] - actual[k]) <= tolerance, $"look {k + 1}: expected {expected[k]}, got {actual[k]}");
    }

    private static SpendingEfficacyBoundary Spending(SpendingFunction function) => new(function);

    [Fact]
    public void Validation_md_OBrienFleming_and_Pocock()
    {
        // validation.md (rpact 3.3), one-sided alpha 0.025, information 0.5 / 0.75 / 1.
        AssertAll([2.96259, 2.35902, 2.01408], Boundaries(Halves, 0.025, Spending(new LanDeMetsOBrienFleming())).Efficacy, 1e-5);
        AssertAll([2.15700, 2.31242, 2.32693], Boundaries(Halves, 0.025, Spending(new LanDeMetsPocock())).Efficacy, 1e-5);
    }

    public static TheoryData<string, double[], double, SpendingFunction, double[]> RpactSpendingDesigns() => new()
    {
        // rpact: getDesignGroupSequential(kMax = K, alpha, informationRates, typeOfDesign, gammaA)$criticalValues
        { "asOF", Halves, 0.025, new LanDeMetsOBrienFleming(), [2.9625880427, 2.3590177074, 2.0140836760] },
        { "asP", Halves, 0.025, new LanDeMetsPocock(), [2.1569992183, 2.3124227300, 2.3269316331] },
        { "asHSD gammaA = -4", Halves, 0.025, new HwangShihDeCani(-4), [2.7499659318, 2.4317824617, 2.0115578547] },
        { "asHSD gammaA = 1", Halves, 0.025, new HwangShihDeCani(1), [2.1554969562, 2.3061012849, 2.3351774141] },
        { "asKD gammaA = 2", Halves, 0.025, new KimDeMetsPower(2), [2.4977054744, 2.2923025116, 2.0886950120] },
        { "asKD gammaA = 3", Halves, 0.025, new KimDeMetsPower(3), [2.7343687865, 2.3568150625, 2.0285245106] },
        { "asOF unequal", [0.3, 0.6, 1.0], 0.025, new LanDeMetsOBrienFleming(), [3.9285725426, 2.6699720100, 1.9810244963] },
        { "asP unequal", [0.3, 0.6, 1.0], 0.025, new LanDeMetsPocock(), [2.3118353038, 2.3209672347, 2.2689142749] },
        { "asOF K = 2", [0.5, 1.0], 0.025, new LanDeMetsOBrienFleming(), [2.9625880427, 1.9685956463] },
        { "asOF K = 5", [0.2, 0.4, 0.6, 0.8, 1.0], 0.025, new LanDeMetsOBrienFleming(), [4.8768849488, 3.3570119217, 2.6802800670, 2.2898167744, 2.0310320631] },
        { "asP K = 5", [0.2, 0.4, 0.6, 0.8, 1.0], 0.025, new LanDeMetsPocock(), [2.4379766881, 2.4268138632, 2.4101941362, 2.3966492936, 2.3859997019] },
        { "asOF alpha = 0.05", Halves, 0.05, new LanDeMetsOBrienFleming(), [2.5379876034, 2.0159231946, 1.7201324925] },
    };

    [Theory]
    [MemberData(nameof(RpactSpendingDesigns))]
    public void Spending_boundaries_match_rpact(string design, double[] information, double alpha, SpendingFunction function, double[] expected)
    {
        var (efficacy, futility, set) = Boundaries(information, alpha, Spending(function));
        AssertAll(expected, efficacy, RpactTolerance);
        Assert.Equal(information.Length, set.Looks);
        Assert.Equal(alpha, set.TypeOneError, 1e-12);
        Assert.True(double.IsNaN(set.TypeTwoError), design);
        // No futility rule: no interim futility bound, and the final one is the final efficacy bound.
        for (int k = 0; k < information.Length - 1; k++) Assert.Equal(double.NegativeInfinity, futility[k]);
        Assert.Equal(efficacy[^1], futility[^1]);
    }

    [Theory]
    [InlineData(0.5, 0.75, 1.9682503733)] // rpact typeOfDesign = "HP", informationRates = c(0.5, 0.75, 1)
    [InlineData(0.3, 0.6, 1.9776385163)]  // rpact typeOfDesign = "HP", informationRates = c(0.3, 0.6, 1)
    public void HaybittlePeto_final_boundary_spends_the_rest_of_alpha_as_rpact(double t1, double t2, double expectedFinal)
    {
        var (efficacy, _, set) = Boundaries([t1, t2, 1.0], 0.025, new HaybittlePetoBoundary(3.0));
        Assert.Equal(3.0, efficacy[0]);
        Assert.Equal(3.0, efficacy[1]);
        Assert.Equal(expectedFinal, efficacy[2], 1e-5);
        Assert.Equal(0.025, set.TypeOneError, 1e-12);
    }

    [Fact]
    public void HaybittlePeto_interims_that_spend_all_alpha_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Boundaries([0.2, 0.4, 0.6, 0.8, 1.0], 0.025, new HaybittlePetoBoundary(1.5)));
        Assert.Contains("Haybittle-Peto", error.Message);
    }

    [Fact]
    public void Fixed_boundaries_come_back_as_given_with_their_type_one_error()
    {
        // The rpact O'Brien-Fleming values given as fixed boundaries spend 0.025 (to rpact's rounding).
        var fixedBoundary = new FixedEfficacyBoundary([2.9625880427, 2.3590177074, 2.0140836760]);
        var (efficacy, _, set) = Boundaries(Halves, 0.025, fixedBoundary);
        AssertAll([2.9625880427, 2.3590177074, 2.0140836760], efficacy, 0.0);
        Assert.Equal(0.025, set.TypeOneError, 1e-7);
    }

    [Fact]
    public void Fixed_binding_futility_lowers_the_efficacy_bounds_as_rpact()
    {
        // rpact: getDesignGroupSequential(kMax = 3, alpha = 0.025, informationRates = c(0.5, 0.75, 1),
        // typeOfDesign = "asOF", futilityBounds = c(0, 1), bindingFutility = TRUE / FALSE)$criticalValues.
        var of = Spending(new LanDeMetsOBrienFleming());
        var (binding, futility, _) = Boundaries(Halves, 0.025, of, new FixedZFutility([0.0, 1.0], Binding: true));
        AssertAll([2.9625880427, 2.3589611873, 1.9963066056], binding, RpactTolerance);
        AssertAll([0.0, 1.0, binding[2]], futility, 0.0);
        var (nonBinding, _, _) = Boundaries(Halves, 0.025, of, new FixedZFutility([0.0, 1.0], Binding: false));
        AssertAll([2.9625880427, 2.3590177074, 2.0140836760], nonBinding, RpactTolerance);
    }

    // rpact: getDesignGroupSequential(kMax = 3, alpha = 0.025, beta = 0.2, informationRates = c(0.5, 0.75, 1),
    // typeOfDesign = "asOF", typeBetaSpending = "bsOF", bindingFutility = TRUE / FALSE), and
    // sqrt(getDesignCharacteristics(design)$shift) for the design drift.
    private const double RpactBindingDrift = 2.9067471424;
    private const double RpactNonBindingDrift = 2.9823873738;

    [Fact]
    public void Beta_spending_binding_matches_rpact()
    {
        var futilityRule = new BetaSpendingFutility(new LanDeMetsOBrienFleming(), 0.2, RpactBindingDrift, Binding: true);
        var (efficacy, futility, set) = Boundaries(Halves, 0.025, Spending(new LanDeMetsOBrienFleming()), futilityRule);
        AssertAll([2.9625880427, 2.3574481234, 1.9291172549], efficacy, RpactTolerance);
        AssertAll([0.5790406631, 1.3386023180], futility[..2], RpactTolerance);
        Assert.Equal(efficacy[2], futility[2]); // rpact's a_K = b_K
        Assert.Equal(0.025, set.TypeOneError, 1e-12);
        Assert.Equal(0.2, set.TypeTwoError, 1e-6); // the drift is rpact's, so power is 1 - beta
    }

    [Fact]
    public void Beta_spending_non_binding_keeps_the_alpha_only_efficacy_bounds_as_rpact()
    {
        var futilityRule = new BetaSpendingFutility(new LanDeMetsOBrienFleming(), 0.2, RpactNonBindingDrift, Binding: false);
        var (efficacy, futility, set) = Boundaries(Halves, 0.025, Spending(new LanDeMetsOBrienFleming()), futilityRule);
        AssertAll([2.9625880427, 2.3590177074, 2.0140836760], efficacy, RpactTolerance);
        AssertAll([0.6325263792, 1.4041542015], futility[..2], RpactTolerance);
        Assert.Equal(0.2, set.TypeTwoError, 1e-6);
    }

    [Theory]
    [InlineData(true, RpactBindingDrift)]
    [InlineData(false, RpactNonBindingDrift)]
    public void Beta_spending_design_drift_is_rpacts_sqrt_shift(bool binding, double expected)
    {
        double drift = GroupSequentialBoundaries.BetaSpendingDesignDrift(Halves, Halves, 0.025,
            Spending(new LanDeMetsOBrienFleming()), new LanDeMetsOBrienFleming(), 0.2, binding);
        Assert.Equal(expected, drift, RpactTolerance);
        var rule = new BetaSpendingFutility(new LanDeMetsOBrienFleming(), 0.2, drift, binding);
        Assert.Equal(0.2, Boundaries(Halves, 0.025, Spending(new LanDeMetsOBrienFleming()), rule).Set.TypeTwoError, 1e-10);
    }

    [Fact]
    public void Beta_spending_with_another_drift_still_closes_at_the_final_efficacy_bound()
    {
        // A drift below the design's: beta spent at the interims cannot all be reached, power is lower.
        var rule = new BetaSpendingFutility(new LanDeMetsOBrienFleming(), 0.2, 2.5, Binding: false);
        var (efficacy, futility, set) = Boundaries(Halves, 0.025, Spending(new LanDeMetsOBrienFleming()), rule);
        Assert.Equal(efficacy[2], futility[2]);
        Assert.True(set.TypeTwoError > 0.2);
    }

    [Fact]
    public void Spending_fractions_apart_from_information_fractions_set_the_alpha_per_look()
    {
        // An interim that already reached the planned information spends everything planned up to
        // the final look: spending fractions (1, 1) leave nothing for the final look.
        var (efficacy, _, set) = Boundaries([0.8, 1.0], 0.025, Spending(new LanDeMetsOBrienFleming()), spending: [1.0, 1.0]);
        Assert.Equal(double.PositiveInfinity, efficacy[1]);
        Assert.Equal(Normal(0.025), efficacy[0], 1e-9);
        Assert.Equal(0.025, set.TypeOneError, 1e-12);
    }

    private static double Normal(double upperTail) => MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 1 - upperTail);

    [Fact]
    public void A_single_look_is_the_fixed_sample_test()
    {
        var (efficacy, futility, _) = Boundaries([1.0], 0.025, Spending(new LanDeMetsPocock()));
        Assert.Equal(1.959963984540054, efficacy[0], 1e-9);
        Assert.Equal(efficacy[0], futility[0]);
    }

    [Fact]
    public void Compute_allocates_nothing()
    {
        double[] information = [0.3, 0.6, 1.0];
        var b = new double[3];
        var a = new double[3];
        var of = Spending(new LanDeMetsOBrienFleming());
        var rule = new BetaSpendingFutility(new LanDeMetsOBrienFleming(), 0.2, 2.9, Binding: true);
        var exits = new double[3];
        var futilityExits = new double[3];
        for (int pass = 0; pass < 2; pass++) // measure the second pass: the first carries one-time runtime effects
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            GroupSequentialBoundaries.Compute(information, information, 0.025, of, null, b, a);
            GroupSequentialBoundaries.Compute(information, information, 0.025, of, rule, b, a);
            GroupSequentialBoundaries.CrossingProbabilities(information, b, a, 2.9, exits, futilityExits);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (pass == 1) Assert.Equal(0, allocated);
        }
    }
}

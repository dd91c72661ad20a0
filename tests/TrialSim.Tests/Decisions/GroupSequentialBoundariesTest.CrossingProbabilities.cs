using TrialSim.Decisions;

namespace TrialSim.Tests.Decisions;

// Exit probabilities: the null sums to alpha, rpact's rejection and futility probabilities under a
// drift, and a plain Monte Carlo reference (the canonical joint distribution built from
// independent increments) within 3 standard errors.
public partial class GroupSequentialBoundariesTest
{
    private static (double[] Efficacy, double[] Futility) Exits(double[] information, double[] efficacyZ, double[] futilityZ, double drift)
    {
        var efficacy = new double[information.Length];
        var futility = new double[information.Length];
        GroupSequentialBoundaries.CrossingProbabilities(information, efficacyZ, futilityZ, drift, efficacy, futility);
        return (efficacy, futility);
    }

    public static TheoryData<double[], SpendingFunction, double> NullDesigns() => new()
    {
        { Halves, new LanDeMetsOBrienFleming(), 0.025 },
        { Halves, new LanDeMetsPocock(), 0.025 },
        { [0.3, 0.6, 1.0], new HwangShihDeCani(-4), 0.025 },
        { [0.2, 0.4, 0.6, 0.8, 1.0], new LanDeMetsOBrienFleming(), 0.025 },
        { [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0], new KimDeMetsPower(3), 0.05 },
    };

    [Theory]
    [MemberData(nameof(NullDesigns))]
    public void Under_the_null_efficacy_exits_spend_alpha_look_by_look(double[] information, SpendingFunction function, double alpha)
    {
        var (b, _, _) = Boundaries(information, alpha, new SpendingEfficacyBoundary(function));
        var (efficacy, futility) = Exits(information, b, [], 0.0);
        double previous = 0;
        for (int k = 0; k < information.Length; k++)
        {
            double spent = function.Spend(alpha, information[k]);
            Assert.Equal(spent - previous, efficacy[k], 1e-8);
            Assert.Equal(0.0, futility[k]);
            previous = spent;
        }
        Assert.Equal(alpha, efficacy.Sum(), 1e-8);
    }

    [Fact]
    public void OBrienFleming_rejection_per_look_under_a_drift_matches_rpact()
    {
        // rpact: getPowerAndAverageSampleNumber(asOF design above, theta = 2.8, nMax = 1)$rejectPerStage.
        var (b, _, _) = Boundaries(Halves, 0.025, new SpendingEfficacyBoundary(new LanDeMetsOBrienFleming()));
        var (efficacy, _) = Exits(Halves, b, [], 2.8);
        AssertAll([0.1628802495, 0.3671675865, 0.2617912367], efficacy, 1e-5);
        Assert.Equal(0.7918390727, efficacy.Sum(), 1e-5);
    }

    [Fact]
    public void Pocock_unequal_and_HaybittlePeto_rejection_per_look_match_rpact()
    {
        // rpact: getPowerAndAverageSampleNumber(asP, informationRates = c(0.3, 0.6, 1), theta = 3.1, nMax = 1)
        // and (typeOfDesign = "HP", informationRates = c(0.5, 0.75, 1), theta = 2.5, nMax = 1).
        double[] unequal = [0.3, 0.6, 1.0];
        var (pocock, _, _) = Boundaries(unequal, 0.025, new SpendingEfficacyBoundary(new LanDeMetsPocock()));
        AssertAll([0.2696422331, 0.2928844837, 0.2581482299], Exits(unequal, pocock, [], 3.1).Efficacy, 1e-5);
        var (haybittlePeto, _, _) = Boundaries(Halves, 0.025, new HaybittlePetoBoundary(3.0));
        AssertAll([0.1089310209, 0.1146865533, 0.4802363914], Exits(Halves, haybittlePeto, [], 2.5).Efficacy, 1e-5);
    }

    [Fact]
    public void Fixed_binding_futility_exits_match_rpact()
    {
        // rpact: getPowerAndAverageSampleNumber(asOF with futilityBounds = c(0, 1), bindingFutility = TRUE,
        // theta = 2.8, nMax = 1): rejectPerStage and futilityPerStage.
        var (b, a, _) = Boundaries(Halves, 0.025, new SpendingEfficacyBoundary(new LanDeMetsOBrienFleming()), new FixedZFutility([0.0, 1.0], true));
        var (efficacy, futility) = Exits(Halves, b, a, 2.8);
        AssertAll([0.1628802495, 0.3671585626, 0.2580969596], efficacy, 1e-5);
        AssertAll([0.0238574401, 0.0584572163], futility[..2], 1e-5);
    }

    [Theory]
    [InlineData(true, RpactBindingDrift, new[] { 0.1821485584, 0.3840912990, 0.2337601425 }, new[] { 0.0699263269, 0.0689980905 })]
    [InlineData(false, RpactNonBindingDrift, new[] { 0.1966296020, 0.3942923414, 0.2090780566 }, new[] { 0.0699263263, 0.0689980909 })]
    public void Beta_spending_exits_at_the_design_drift_match_rpact(bool binding, double drift, double[] rejection, double[] futilityStops)
    {
        // rpact: getDesignCharacteristics(bsOF design)$rejectionProbabilities and $futilityProbabilities.
        var rule = new BetaSpendingFutility(new LanDeMetsOBrienFleming(), 0.2, drift, binding);
        var (b, a, _) = Boundaries(Halves, 0.025, new SpendingEfficacyBoundary(new LanDeMetsOBrienFleming()), rule);
        var (efficacy, futility) = Exits(Halves, b, a, drift);
        AssertAll(rejection, efficacy, 1e-5);
        AssertAll(futilityStops, futility[..2], 1e-5);
        Assert.Equal(0.8, efficacy.Sum(), 1e-5);
        // With a_K = b_K every path stops somewhere; Simpson's rule on the grid keeps the total mass to a few 1e-8.
        Assert.Equal(1.0, efficacy.Sum() + futility.Sum(), 1e-7);
    }

    [Fact]
    public void Binding_futility_keeps_alpha_and_non_binding_is_conservative()
    {
        var rule = new BetaSpendingFutility(new LanDeMetsOBrienFleming(), 0.2, RpactNonBindingDrift, Binding: false);
        var (b, a, _) = Boundaries(Halves, 0.025, new SpendingEfficacyBoundary(new LanDeMetsOBrienFleming()), rule);
        // Obeying non-binding futility stops can only lower the type I error.
        Assert.True(Exits(Halves, b, a, 0.0).Efficacy.Sum() < 0.025);
        var bindingRule = rule with { DesignDrift = RpactBindingDrift, Binding = true };
        var (bb, ab, _) = Boundaries(Halves, 0.025, new SpendingEfficacyBoundary(new LanDeMetsOBrienFleming()), bindingRule);
        Assert.Equal(0.025, Exits(Halves, bb, ab, 0.0).Efficacy.Sum(), 1e-8);
    }

    [Theory]
    [InlineData(0.0, 11)]
    [InlineData(2.9067471424, 12)]
    public void Exits_match_a_plain_Monte_Carlo_within_three_standard_errors(double drift, int seed)
    {
        // Unequal looks, binding beta-spending futility, so both exits and the correlations matter.
        double[] information = [0.3, 0.6, 1.0];
        var rule = new BetaSpendingFutility(new LanDeMetsOBrienFleming(), 0.2, 2.9067471424, Binding: true);
        var (b, a, _) = Boundaries(information, 0.025, new SpendingEfficacyBoundary(new LanDeMetsOBrienFleming()), rule);
        var (efficacy, futility) = Exits(information, b, a, drift);

        const int draws = 200_000;
        var efficacyCount = new int[3];
        var futilityCount = new int[3];
        var random = new Random(seed);
        for (int draw = 0; draw < draws; draw++)
        {
            // Score S_k = Z_k sqrt(t_k): a sum of independent N(theta dt, dt) increments.
            double score = 0, previous = 0;
            for (int k = 0; k < 3; k++)
            {
                double increment = information[k] - previous;
                score += drift * increment + Math.Sqrt(increment) * StandardNormalDraw(random);
                previous = information[k];
                double z = score / Math.Sqrt(information[k]);
                if (z >= b[k]) { efficacyCount[k]++; break; }
                if (z <= a[k]) { futilityCount[k]++; break; }
            }
        }
        for (int k = 0; k < 3; k++)
        {
            AssertWithinThreeStandardErrors(efficacy[k], efficacyCount[k], draws, $"efficacy exit at look {k + 1}");
            AssertWithinThreeStandardErrors(futility[k], futilityCount[k], draws, $"futility exit at look {k + 1}");
        }
    }

    private static void AssertWithinThreeStandardErrors(double probability, int count, int draws, string what)
    {
        double standardError = Math.Sqrt(probability * (1 - probability) / draws);
        double estimate = (double)count / draws;
        Assert.True(Math.Abs(estimate - probability) <= 3 * standardError + 1e-12,
            $"{what}: integration {probability}, Monte Carlo {estimate} (3 SE = {3 * standardError})");
    }

    /// <summary>Box-Muller: one standard normal from two uniforms (the second draw is discarded for simplicity).</summary>
    private static double StandardNormalDraw(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}

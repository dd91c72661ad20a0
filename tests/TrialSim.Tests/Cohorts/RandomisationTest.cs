using System.Collections.Immutable;
using TrialSim.Cohorts;
using TrialSim.Distributions;
using TrialSim.Running;
using TrialSim.Scenarios;
using TrialSim.Tests.Running;

namespace TrialSim.Tests.Cohorts;

public class RandomisationTest
{
    private static Scenario TwoArm(int n, Randomisation randomisation, Strata? strata = null, int ratioStop = 1, int ratioContinue = 1) =>
        TestScenarios.SingleArm(n, new ExponentialModel(0.05)) with
        {
            Arms = [new Arm("stop", ratioStop), new Arm("continue", ratioContinue)],
            Randomisation = randomisation,
            Strata = strata ?? Strata.None,
            Points = [new TruthPoint("t", [new ArmTruth(new ExponentialModel(0.1)), new ArmTruth(new ExponentialModel(0.05))])],
            Analyses = [],
        };

    private static IEnumerable<Cohort> Cohorts(Scenario scenario, int replicates)
    {
        var randomiser = new BlockRandomiser(scenario.Strata.Count, scenario.Arms, scenario.Randomisation is PermutedBlockRandomisation b ? b.BlockSizes.Max() : 1);
        for (uint r = 0; r < replicates; r++)
        {
            var cohort = new Cohort(scenario.Accrual.TargetSampleSize);
            CohortGenerator.Generate(cohort, scenario, scenario.Points[0], randomiser, new RandomStream(11, 0, r, 0));
            yield return cohort;
        }
    }

    /// <summary>
    /// The randomiser against a naive reference: one block at a time, from the stratum's substream,
    /// arm 0's places first, a Fisher-Yates shuffle from the last place down, every draw
    /// <see cref="RandomStream.NextBelow"/>. Patient by patient (<see cref="BlockRandomiser.Next"/>)
    /// and in runs (<see cref="BlockRandomiser.NextArms"/>), for two strata taking turns.
    /// </summary>
    [Theory]
    [InlineData(1, 1, new[] { 2, 4 })]
    [InlineData(2, 1, new[] { 3, 6 })]
    [InlineData(1, 1, new[] { 10 })]
    [InlineData(3, 2, new[] { 5, 10, 15 })]
    public void Blocks_are_those_made_one_at_a_time(int ratioStop, int ratioContinue, int[] sizes)
    {
        var arms = new[] { new Arm("stop", ratioStop), new Arm("continue", ratioContinue) };
        var design = new PermutedBlockRandomisation([.. sizes]);
        var replicate = new RandomStream(99, 0, 3, 0);
        var randomiser = new BlockRandomiser(2, arms, sizes.Max());
        for (int pass = 0; pass < 2; pass++)
        {
            randomiser.Reset(replicate);
            var expected = new[] { NaiveArms(replicate.ForPatient(BlockRandomiser.SubstreamOf(0)), arms, sizes, 2000), NaiveArms(replicate.ForPatient(BlockRandomiser.SubstreamOf(1)), arms, sizes, 2000) };
            var actual = new[] { new List<byte>(), new List<byte>() };
            var random = new Random(pass);
            while (actual[0].Count < 450 || actual[1].Count < 450)
            {
                int stratum = random.Next(2);
                if (pass == 0) actual[stratum].Add(randomiser.Next(stratum, design));
                else
                {
                    var run = new byte[random.Next(1, 40)];
                    randomiser.NextArms(stratum, design, run);
                    actual[stratum].AddRange(run);
                }
            }
            for (int k = 0; k < 2; k++) Assert.Equal(expected[k].Take(actual[k].Count), actual[k]);
        }
    }

    private static List<byte> NaiveArms(RandomStream stream, Arm[] arms, int[] sizes, int count)
    {
        var sequence = new List<byte>();
        int ratioSum = arms.Sum(a => a.Ratio);
        while (sequence.Count < count)
        {
            int size = sizes[stream.NextBelow(sizes.Length)];
            var block = new List<byte>();
            for (int arm = 0; arm < arms.Length; arm++) block.AddRange(Enumerable.Repeat((byte)arm, arms[arm].Ratio * size / ratioSum));
            for (int i = size - 1; i > 0; i--)
            {
                int j = stream.NextBelow(i + 1);
                (block[i], block[j]) = (block[j], block[i]);
            }
            sequence.AddRange(block);
        }
        return sequence;
    }

    /// <summary>Within a stratum, after every patient the imbalance is at most what one partly filled block allows,
    /// and after each completed block the arms are exactly in ratio.</summary>
    [Theory]
    [InlineData(1, 1, new[] { 4 })]
    [InlineData(1, 1, new[] { 2, 4, 6 })]
    [InlineData(2, 1, new[] { 3, 6 })]
    public void Permuted_blocks_keep_arms_in_ratio(int ratioStop, int ratioContinue, int[] sizes)
    {
        var scenario = TwoArm(60, new PermutedBlockRandomisation([.. sizes]), ratioStop: ratioStop, ratioContinue: ratioContinue);
        int sum = ratioStop + ratioContinue, largest = sizes.Max();
        foreach (var cohort in Cohorts(scenario, 300))
        {
            int stop = 0;
            for (int i = 0; i < cohort.Enrolled; i++)
            {
                if (cohort.Arm[i] == 0) stop++;
                int n = i + 1;
                // Expected stop count n * ratio / sum, off by at most the largest block's worth.
                Assert.InRange(stop * sum - n * ratioStop, -largest * ratioStop, largest * ratioStop);
            }
        }
        // Single block size: exact ratio at every multiple of the block.
        if (sizes.Length == 1)
            foreach (var cohort in Cohorts(scenario, 100))
                for (int end = sizes[0]; end <= cohort.Enrolled; end += sizes[0])
                    Assert.Equal(end * ratioStop / sum, cohort.Arm.Take(end).Count(a => a == 0));
    }

    [Fact]
    public void Stratified_blocks_balance_within_each_stratum()
    {
        var strata = new Strata([new StratificationFactor("remission",
            [new StratumLevel("complete", 0.3, 0.7), new StratumLevel("residual", 0.7, 1.4)])]);
        var scenario = TwoArm(50, new PermutedBlockRandomisation([4]), strata);
        foreach (var cohort in Cohorts(scenario, 300))
            for (int k = 0; k < 2; k++)
            {
                var arms = Enumerable.Range(0, cohort.Enrolled).Where(i => cohort.Stratum[i] == k).Select(i => cohort.Arm[i]).ToList();
                int stop = arms.Count(a => a == 0), cont = arms.Count - stop;
                Assert.InRange(Math.Abs(stop - cont), 0, 2); // at most half a block of 4 apart
            }
    }

    /// <summary>Simple randomisation 2:1 and stratum prevalences: Monte Carlo proportions within 3 standard errors.</summary>
    [Fact]
    public void Simple_randomisation_and_strata_follow_their_probabilities()
    {
        var strata = new Strata([new StratificationFactor("f", [new StratumLevel("a", 0.25, 1), new StratumLevel("b", 0.75, 1)])]);
        var scenario = TwoArm(100, new SimpleRandomisation(), strata, ratioStop: 2, ratioContinue: 1);
        long patients = 0, stop = 0, stratumA = 0;
        foreach (var cohort in Cohorts(scenario, 400))
            for (int i = 0; i < cohort.Enrolled; i++)
            {
                patients++;
                if (cohort.Arm[i] == 0) stop++;
                if (cohort.Stratum[i] == 0) stratumA++;
            }
        TestScenarios.WithinThreeMcse(2.0 / 3, (double)stop / patients, TestScenarios.ProportionMcse(2.0 / 3, patients), "share randomised to stop");
        TestScenarios.WithinThreeMcse(0.25, (double)stratumA / patients, TestScenarios.ProportionMcse(0.25, patients), "share in stratum a");
    }

    [Fact]
    public void Crossed_factors_multiply_prevalences_and_hazard_ratios()
    {
        var strata = new Strata([
            new StratificationFactor("f", [new StratumLevel("a", 0.25, 2), new StratumLevel("b", 0.75, 1)]),
            new StratificationFactor("g", [new StratumLevel("x", 0.5, 0.5), new StratumLevel("y", 0.5, 3)])]);
        Assert.Equal(4, strata.Count);
        Assert.Equal(new[] { 0.125, 0.125, 0.375, 0.375 }, strata.Prevalences.ToArray());
        Assert.Equal(new[] { 1.0, 6, 0.5, 3 }, strata.HazardMultipliers.ToArray());
        Assert.Equal("f=a,g=y", strata.Names[1]);
    }
}

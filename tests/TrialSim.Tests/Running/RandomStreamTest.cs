using MathNet.Numerics.Distributions;
using TrialSim.Running;

namespace TrialSim.Tests.Running;

public class RandomStreamTest
{
    // Known answers from Random123's kat_vectors ("philox4x32 10" lines: counter[4], key[2] -> output[4]).
    [Theory]
    [InlineData(0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x00000000u, 0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u)]
    [InlineData(0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu)]
    [InlineData(0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u, 0xa4093822u, 0x299f31d0u, 0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u)]
    public void Block_MatchesRandom123KnownAnswers(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1,
        uint e0, uint e1, uint e2, uint e3)
    {
        RandomStream.Block(c0, c1, c2, c3, k0, k1, out uint x0, out uint x1, out uint x2, out uint x3);
        Assert.Equal([e0, e1, e2, e3], new[] { x0, x1, x2, x3 });
    }

    [Fact]
    public void NextUInt32_WalksTheDocumentedCounterLayout()
    {
        // Counter words: [0] block, [1] patient, [2] replicate, [3] group; key = the 64-bit seed.
        // Pinning the layout keeps stored seeds meaning the same numbers.
        const ulong seed = 0x0123_4567_89AB_CDEFUL;
        var stream = new RandomStream(seed, group: 7, replicate: 11, patient: 13);
        for (uint block = 0; block < 3; block++)
        {
            RandomStream.Block(block, 13, 11, 7, 0x89AB_CDEF, 0x0123_4567, out uint x0, out uint x1, out uint x2, out uint x3);
            Assert.Equal([x0, x1, x2, x3], new[] { stream.NextUInt32(), stream.NextUInt32(), stream.NextUInt32(), stream.NextUInt32() });
        }
    }

    [Fact]
    public void Seed_RoundTripsAllSixtyFourBits()
    {
        var stream = new RandomStream(0xFEDC_BA98_7654_3210UL, 1, 2, 3);
        Assert.Equal(0xFEDC_BA98_7654_3210UL, stream.Seed);
    }

    [Fact]
    public void NextOpenUnit_StaysStrictlyInsideTheUnitInterval()
    {
        var stream = new RandomStream(20170105, 0, 0, 0);
        double min = 1, max = 0;
        for (int i = 0; i < 1_000_000; i++)
        {
            double u = stream.NextOpenUnit();
            min = Math.Min(min, u);
            max = Math.Max(max, u);
        }
        Assert.True(min > 0, $"min {min}");
        Assert.True(max < 1, $"max {max}");
    }

    [Fact]
    public void OpenUnit_ExtremeBitPatternsStayInsideTheUnitInterval()
    {
        // The extremes are 2^-64-probability events, so the stream cannot be relied on to reach
        // them: feed the bits-to-double conversion every run-of-ones and run-of-zeros pattern,
        // which hits the all-zeros and all-ones mantissa whatever the bit layout.
        // log(u) and log(1 - u) must both stay finite.
        var words = new List<uint>();
        for (int k = 0; k <= 32; k++)
        {
            uint ones = k == 32 ? uint.MaxValue : (1u << k) - 1;
            words.Add(ones);
            words.Add(~ones);
        }
        double lowest = 1, highest = 0;
        foreach (uint high in words)
            foreach (uint low in words)
            {
                double u = RandomStream.OpenUnit(high, low);
                lowest = Math.Min(lowest, u);
                highest = Math.Max(highest, u);
            }
        Assert.True(lowest > 0, $"lowest {lowest}");
        Assert.True(highest < 1, $"highest {highest}");
        Assert.True(double.IsFinite(Math.Log(lowest)) && double.IsFinite(Math.Log(1 - highest)));
        // Cell midpoints: the grid is symmetric about 1/2, so u and 1 - u are equally likely.
        Assert.Equal(1 - highest, lowest);
    }

    [Fact]
    public void SameCoordinates_GiveTheSameSequence()
    {
        var a = new RandomStream(42, 3, 5, 9);
        var b = new RandomStream(42, 3, 5, 9);
        for (int i = 0; i < 1000; i++) Assert.Equal(a.NextOpenUnit(), b.NextOpenUnit());
    }

    [Fact]
    public void ForPatient_IsTheStreamBuiltFromTheSameCoordinates()
    {
        var trial = new RandomStream(42, 3, 5, RandomStream.TrialLevel);
        var viaForPatient = trial.ForPatient(9);
        var direct = new RandomStream(42, 3, 5, 9);
        for (int i = 0; i < 100; i++) Assert.Equal(direct.NextUInt32(), viaForPatient.NextUInt32());
    }

    [Fact]
    public void ForPatient_DoesNotDependOnDrawsAlreadyTaken()
    {
        var trial = new RandomStream(42, 3, 5, RandomStream.TrialLevel);
        var before = trial.ForPatient(9);
        for (int i = 0; i < 17; i++) trial.NextUInt32();
        var after = trial.ForPatient(9);
        for (int i = 0; i < 100; i++) Assert.Equal(before.NextUInt32(), after.NextUInt32());
    }

    public static TheoryData<string, RandomStream> Neighbours => new()
    {
        { "other patient", new RandomStream(42, 3, 5, 10) },
        { "other replicate", new RandomStream(42, 3, 6, 9) },
        { "other group", new RandomStream(42, 4, 5, 9) },
        { "other seed (low word)", new RandomStream(43, 3, 5, 9) },
        { "other seed (high word)", new RandomStream(42 | (1UL << 32), 3, 5, 9) },
        { "trial level", new RandomStream(42, 3, 5, RandomStream.TrialLevel) },
    };

    [Theory]
    [MemberData(nameof(Neighbours))]
    public void DifferentCoordinates_GiveDifferentSequences(string which, RandomStream other)
    {
        var reference = new RandomStream(42, 3, 5, 9);
        int equal = 0;
        for (int i = 0; i < 64; i++) if (reference.NextUInt32() == other.NextUInt32()) equal++;
        // Independent 32-bit words coincide with probability 2^-32 each.
        Assert.True(equal == 0, $"{which}: {equal} of 64 words equal");
    }

    [Fact]
    public void NextOpenUnit_MeanAndVarianceWithinThreeStandardErrors()
    {
        const int n = 1_000_000;
        var stream = new RandomStream(20170105, 1, 0, 0);
        double sum = 0, sumSquares = 0;
        for (int i = 0; i < n; i++)
        {
            double u = stream.NextOpenUnit();
            sum += u;
            sumSquares += u * u;
        }
        double mean = sum / n;
        double variance = (sumSquares - n * mean * mean) / (n - 1);
        // SE of the mean: sqrt(1/12 / n). SE of the sample variance: sqrt((mu4 - sigma^4) / n)
        // with mu4 = 1/80 and sigma^4 = 1/144 for U(0, 1), i.e. sqrt(1/180 / n).
        double meanError = Math.Sqrt(1.0 / 12 / n), varianceError = Math.Sqrt(1.0 / 180 / n);
        Assert.InRange(mean, 0.5 - 3 * meanError, 0.5 + 3 * meanError);
        Assert.InRange(variance, 1.0 / 12 - 3 * varianceError, 1.0 / 12 + 3 * varianceError);
    }

    [Fact]
    public void NextOpenUnit_PassesChiSquareOnOneHundredBins()
    {
        const int n = 1_000_000, bins = 100;
        var counts = new int[bins];
        var stream = new RandomStream(20170105, 2, 0, 0);
        for (int i = 0; i < n; i++) counts[(int)(stream.NextOpenUnit() * bins)]++;
        double expected = (double)n / bins, statistic = 0;
        foreach (int count in counts) statistic += (count - expected) * (count - expected) / expected;
        double critical = ChiSquared.InvCDF(bins - 1, 0.999);
        Assert.True(statistic < critical, $"chi-square {statistic:F1} >= {critical:F1}");
    }

    /// <summary>The bulk draw (four blocks per vector step) against the one-at-a-time reference, from
    /// every starting word of a block and for lengths that leave scalar heads and tails.</summary>
    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 1)]
    [InlineData(0, 8)]
    [InlineData(0, 37)]
    [InlineData(1, 64)]
    [InlineData(2, 9)]
    [InlineData(3, 130)]
    public void NextOpenUnits_EqualsRepeatedNextOpenUnit(int wordsTakenFirst, int count)
    {
        var bulk = new RandomStream(0xDEAD_BEEF_0123UL, 4, 77, RandomStream.TrialLevel);
        var reference = bulk;
        for (int w = 0; w < wordsTakenFirst; w++) Assert.Equal(reference.NextUInt32(), bulk.NextUInt32());
        var drawn = new double[count];
        bulk.NextOpenUnits(drawn);
        for (int i = 0; i < count; i++) Assert.Equal(reference.NextOpenUnit(), drawn[i]);
        // And the stream carries on where the references does.
        for (int i = 0; i < 10; i++) Assert.Equal(reference.NextUInt32(), bulk.NextUInt32());
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, 16)]
    [InlineData(1, 64)]
    [InlineData(3, 70)]
    [InlineData(2, 5)]
    public void NextUInt32s_EqualsRepeatedNextUInt32(int wordsTakenFirst, int count)
    {
        var bulk = new RandomStream(99, 1, 2, 3);
        var reference = bulk;
        for (int w = 0; w < wordsTakenFirst; w++) Assert.Equal(reference.NextUInt32(), bulk.NextUInt32());
        var drawn = new uint[count];
        bulk.NextUInt32s(drawn);
        for (int i = 0; i < count; i++) Assert.Equal(reference.NextUInt32(), drawn[i]);
        for (int i = 0; i < 10; i++) Assert.Equal(reference.NextUInt32(), bulk.NextUInt32());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    public void BufferedWords_ReadTheSameWordsAndIntegersAsTheStream(int bufferWords)
    {
        var stream = new RandomStream(5, 0, 17, BlockRandomiserSubstream);
        var reference = stream;
        var buffered = new BufferedWords(stream, new uint[bufferWords]);
        for (int i = 0; i < 300; i++)
        {
            if (i % 3 == 0) Assert.Equal(reference.NextUInt32(), buffered.NextUInt32());
            else Assert.Equal(reference.NextBelow(i), UniformInteger.Below(ref buffered, i));
        }
    }

    private const uint BlockRandomiserSubstream = RandomStream.TrialLevel - 1;

    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(0, 0, 64)]
    [InlineData(2, 13, 7)]
    [InlineData(8, 1000, 131)]
    public void PatientUniformPairs_EqualsEachPatientsOwnSubstream(int slot, uint firstPatient, int count)
    {
        var replicate = new RandomStream(20250101, 3, 4242, 0);
        var first = new double[count];
        var second = new double[count];
        replicate.PatientUniformPairs(slot, firstPatient, first, second);
        for (int j = 0; j < count; j++)
        {
            var patient = replicate.ForPatient(firstPatient + (uint)j);
            patient.SkipTo(slot);
            Assert.Equal(patient.NextOpenUnit(), first[j]);
            Assert.Equal(patient.NextOpenUnit(), second[j]);
        }
    }

    [Fact]
    public void NextStandardExponential_IsMinusLogOfTheNextUniform()
    {
        var a = new RandomStream(7, 0, 0, 0);
        var b = new RandomStream(7, 0, 0, 0);
        for (int i = 0; i < 100; i++) Assert.Equal(-Math.Log(b.NextOpenUnit()), a.NextStandardExponential());
    }
}

public class RandomStreamBoundedTest
{
    /// <summary>NextBelow is uniform on [0, range): chi-square over the range's cells below its 0.999 quantile, for several ranges.</summary>
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(132)]
    public void Next_below_is_uniform(int range)
    {
        var stream = new TrialSim.Running.RandomStream(2024, 0, 0, 0);
        int draws = 2000 * range;
        var counts = new int[range];
        for (int i = 0; i < draws; i++)
        {
            int value = stream.NextBelow(range);
            Assert.InRange(value, 0, range - 1);
            counts[value]++;
        }
        double expected = (double)draws / range;
        double chiSquare = counts.Sum(c => (c - expected) * (c - expected) / expected);
        Assert.True(chiSquare < MathNet.Numerics.Distributions.ChiSquared.InvCDF(range - 1, 0.999), $"chi-square {chiSquare} for range {range}");
    }
}

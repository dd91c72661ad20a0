using TrialSim.Running;

namespace TrialSim.Cohorts;

/// <summary>
/// Allocation state of one replicate: permuted blocks per stratum, each stratum drawing its blocks
/// from its own substream (so one stratum's allocation does not depend on the others' arrivals).
/// Worker-owned and reset per replicate; allocation-free.
/// </summary>
public sealed class BlockRandomiser
{
    private readonly byte[][] _blocks;
    private readonly int[] _position, _length;
    private readonly BufferedWords[] _streams;
    private readonly uint[][] _words;

    /// <summary>Words per stratum drawn at a time: 16 Philox blocks, four vector steps; about 20
    /// blocks of patients' worth in a 1:1 design with blocks of 2 and 4.</summary>
    private const int WordsPerRefill = 64;
    private readonly int[] _ratios;
    private readonly int _ratioSum;

    public BlockRandomiser(int strata, IReadOnlyList<Arm> arms, int maxBlockSize)
    {
        _blocks = new byte[strata][];
        for (int k = 0; k < strata; k++) _blocks[k] = new byte[Math.Max(maxBlockSize, 1)];
        _position = new int[strata];
        _length = new int[strata];
        _streams = new BufferedWords[strata];
        _words = new uint[strata][];
        for (int k = 0; k < strata; k++) _words[k] = new uint[WordsPerRefill];
        _ratios = arms.Select(a => a.Ratio).ToArray();
        _ratioSum = _ratios.Sum();
    }

    /// <summary>Substream index of stratum k's blocks (below the trial-level arrivals substream).</summary>
    public static uint SubstreamOf(int stratum) => RandomStream.TrialLevel - 1 - (uint)stratum;

    public void Reset(RandomStream replicateStream)
    {
        for (int k = 0; k < _blocks.Length; k++)
        {
            _position[k] = _length[k] = 0;
            _streams[k] = new BufferedWords(replicateStream.ForPatient(SubstreamOf(k)), _words[k]);
        }
    }

    /// <summary>The arm of the next patient in <paramref name="stratum"/>.</summary>
    public byte Next(int stratum, PermutedBlockRandomisation design)
    {
        if (_position[stratum] == _length[stratum]) NewBlock(stratum, design);
        return _blocks[stratum][_position[stratum]++];
    }

    private void NewBlock(int stratum, PermutedBlockRandomisation design)
    {
        ref var stream = ref _streams[stratum];
        var sizes = design.BlockSizes;
        int size = sizes[UniformInteger.Below(ref stream, sizes.Length)];
        var block = _blocks[stratum];
        int filled = 0;
        int copies = size / _ratioSum;
        for (int arm = 0; arm < _ratios.Length; arm++)
            for (int c = 0; c < _ratios[arm] * copies; c++) block[filled++] = (byte)arm;
        // Fisher-Yates shuffle.
        for (int i = size - 1; i > 0; i--)
        {
            int j = UniformInteger.Below(ref stream, i + 1);
            (block[i], block[j]) = (block[j], block[i]);
        }
        _position[stratum] = 0;
        _length[stratum] = size;
    }

    /// <summary>Arm for simple randomisation: the arm whose share of the ratios holds the uniform.</summary>
    public byte Simple(double uniform)
    {
        double target = uniform * _ratioSum;
        int cumulative = 0;
        for (int arm = 0; arm < _ratios.Length - 1; arm++)
        {
            cumulative += _ratios[arm];
            if (target < cumulative) return (byte)arm;
        }
        return (byte)(_ratios.Length - 1);
    }
}

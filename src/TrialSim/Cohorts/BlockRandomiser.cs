using System.Runtime.CompilerServices;
using TrialSim.Running;

namespace TrialSim.Cohorts;

/// <summary>
/// Allocation state of one replicate: permuted blocks per stratum, each stratum drawing its blocks
/// from its own substream (so one stratum's allocation does not depend on the others' arrivals).
/// Worker-owned and reset per replicate; allocation-free once it has seen the design.
/// </summary>
/// <remarks>
/// A block's size is drawn from the design's sizes, the block holds the arms in ratio (arm 0's
/// places first), and a Fisher-Yates shuffle from the last place down permutes it; every draw is
/// Lemire's bounded integer (<see cref="UniformInteger.Below"/>) from the stratum's substream.
/// Blocks are made many at a time into a per-stratum run of arms that patients then take in
/// order, and the shuffle always runs the steps of the largest size, those beyond the block's
/// own size drawing nothing and swapping a place with itself: a block's size is random, so loops
/// sized by it, and a branch for the end of each block, would mispredict about once a block.
/// The words drawn, and so the arms, are exactly those of making one block at a time.
/// </remarks>
public sealed class BlockRandomiser
{
    /// <summary>Arms per refill of a stratum's run (whole blocks, at most this many).</summary>
    private const int RunLength = 64;

    /// <summary>Words per stratum drawn at a time: 16 Philox blocks, four vector steps.</summary>
    private const int WordsPerRefill = 64;

    private readonly byte[][] _runs;
    private readonly int[] _position, _length;
    private readonly BufferedWords[] _streams;
    private readonly uint[][] _words;
    private readonly int[] _ratios;
    private readonly int _ratioSum;

    // The design last seen: its block sizes and, per size, the block before shuffling (padded to the largest).
    private PermutedBlockRandomisation? _design;
    private int[] _sizes = [];
    private byte[][] _templates = [];
    private int _largest;

    public BlockRandomiser(int strata, IReadOnlyList<Arm> arms, int maxBlockSize)
    {
        _runs = new byte[strata][];
        for (int k = 0; k < strata; k++) _runs[k] = new byte[RunLength + Math.Max(maxBlockSize, sizeof(ulong))];
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
        for (int k = 0; k < _runs.Length; k++)
        {
            _position[k] = _length[k] = 0;
            _streams[k] = new BufferedWords(replicateStream.ForPatient(SubstreamOf(k)), _words[k]);
        }
    }

    /// <summary>The arm of the next patient in <paramref name="stratum"/>.</summary>
    public byte Next(int stratum, PermutedBlockRandomisation design)
    {
        if (_position[stratum] == _length[stratum]) Refill(stratum, design);
        return _runs[stratum][_position[stratum]++];
    }

    /// <summary>The arms of the next <paramref name="destination"/>.Length patients of
    /// <paramref name="stratum"/>, in order: what as many <see cref="Next"/> calls give, copied from the run.</summary>
    public void NextArms(int stratum, PermutedBlockRandomisation design, Span<byte> destination)
    {
        while (destination.Length > 0)
        {
            if (_position[stratum] == _length[stratum]) Refill(stratum, design);
            int take = Math.Min(destination.Length, _length[stratum] - _position[stratum]);
            _runs[stratum].AsSpan(_position[stratum], take).CopyTo(destination);
            _position[stratum] += take;
            destination = destination[take..];
        }
    }

    /// <summary>Replaces the stratum's run (all taken) with as many new whole blocks as fit.</summary>
    private void Refill(int stratum, PermutedBlockRandomisation design)
    {
        if (!ReferenceEquals(design, _design)) Learn(design);
        int largest = _largest;
        var run = _runs[stratum];
        // Room for a whole template past the run's last block, and for the 8-byte copy of one.
        if (run.Length < RunLength + Math.Max(largest, sizeof(ulong))) _runs[stratum] = run = new byte[RunLength + Math.Max(largest, sizeof(ulong))];
        ref var words = ref _streams[stratum];
        int length = 0;
        do
        {
            int sizeIndex = Below(ref words, _sizes.Length, 1);
            int size = _sizes[sizeIndex];
            var block = run.AsSpan(length, largest);
            if (largest <= sizeof(ulong)) // one 8-byte move instead of a call to copy a few bytes
                Unsafe.WriteUnaligned(ref run[length], Unsafe.ReadUnaligned<ulong>(ref _templates[sizeIndex][0]));
            else _templates[sizeIndex].CopyTo(block);
            // Fisher-Yates from place size - 1 down; the steps above it are idle (no word, no swap).
            for (int i = largest - 1; i > 0; i--)
            {
                int j = Below(ref words, i + 1, i < size ? 1 : 0);
                (block[i], block[j]) = (block[j], block[i]);
            }
            length += size;
        } while (length + largest <= RunLength);
        _position[stratum] = 0;
        _length[stratum] = length;
    }

    /// <summary>
    /// <see cref="UniformInteger.Below"/> when <paramref name="active"/> is 1; when 0, range - 1 and
    /// no word taken. The common case has no branch on either; Lemire's rejection, with odds
    /// range / 2^32, takes the slow path, which draws exactly as <see cref="UniformInteger.Below"/> does.
    /// </summary>
    private static int Below(ref BufferedWords words, int range, int active)
    {
        uint bound = (uint)range;
        ulong product = (ulong)words.Peek() * bound;
        if ((uint)product < bound && active != 0) return UniformInteger.Below(ref words, range);
        words.Skip(active);
        int drawn = (int)(product >> 32);
        return drawn + ((range - 1 - drawn) & (active - 1)); // active - 1: 0 when active, all ones when idle
    }

    /// <summary>Block sizes and unshuffled blocks of a design: arm 0's places first, each arm
    /// size / (sum of ratios) x its ratio places.</summary>
    private void Learn(PermutedBlockRandomisation design)
    {
        _sizes = design.BlockSizes.ToArray();
        _largest = _sizes.Max();
        _templates = new byte[_sizes.Length][];
        for (int s = 0; s < _sizes.Length; s++)
        {
            var block = _templates[s] = new byte[Math.Max(_largest, sizeof(ulong))];
            int filled = 0, copies = _sizes[s] / _ratioSum;
            for (int arm = 0; arm < _ratios.Length; arm++)
                for (int c = 0; c < _ratios[arm] * copies; c++) block[filled++] = (byte)arm;
        }
        _design = design;
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

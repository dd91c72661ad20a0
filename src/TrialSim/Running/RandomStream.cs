using System.Runtime.CompilerServices;

namespace TrialSim.Running;

/// <summary>
/// A counter-based random stream (Philox4x32-10, Salmon et al. 2011, "Parallel random numbers:
/// as easy as 1, 2, 3"). The stream is a pure function of its key and counter, so the numbers a
/// trial sees depend only on (seed, scenario point, replicate, patient), never on which thread
/// runs it or in what order.
/// </summary>
/// <remarks>
/// Key = the 64-bit seed. Counter words: [0] block index within the substream, [1] patient (or
/// trial-level purpose), [2] replicate, [3] stream group (scenario point). Each patient owns a
/// substream, so patient i's draws do not shift when the sample size or another patient changes:
/// common random numbers come for free across scenario points that share a stream group.
/// </remarks>
public struct RandomStream : IRandomWords
{
    private const uint M0 = 0xD2511F53, M1 = 0xCD9E8D57, W0 = 0x9E3779B9, W1 = 0xBB67AE85;

    /// <summary>Substream index for trial-level draws (accrual gaps, randomisation blocks).</summary>
    public const uint TrialLevel = 0xFFFF_FFFF;

    private readonly uint _key0, _key1, _patient, _replicate, _group;
    private uint _block;
    private uint _r0, _r1, _r2, _r3;
    private int _used; // words of the current block already handed out (4 = exhausted)

    public RandomStream(ulong seed, uint group, uint replicate, uint patient)
    {
        _key0 = (uint)seed;
        _key1 = (uint)(seed >> 32);
        _group = group;
        _replicate = replicate;
        _patient = patient;
        _block = 0;
        _r0 = _r1 = _r2 = _r3 = 0;
        _used = 4;
    }

    /// <summary>The substream of one patient of one replicate.</summary>
    public readonly RandomStream ForPatient(uint patient) => new(Seed, _group, _replicate, patient);

    public readonly ulong Seed => ((ulong)_key1 << 32) | _key0;

    /// <summary>Next 32 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint NextUInt32()
    {
        if (_used == 4) Refill();
        return _used++ switch { 0 => _r0, 1 => _r1, 2 => _r2, _ => _r3 };
    }

    /// <summary>A uniform draw in the open interval (0, 1), with 52 random bits; never 0 or 1, so
    /// log(u) and log(1 - u) are always finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextOpenUnit()
    {
        uint high = NextUInt32();
        return OpenUnit(high, NextUInt32());
    }

    /// <summary>The open-unit uniform made from two 32-bit words: the midpoint of one of 2^52
    /// equal cells, (k + 1/2) / 2^52, from 2^-53 to 1 - 2^-53.</summary>
    /// <remarks>52 bits, not 53: k + 1/2 needs one bit more than k, and a double has 53. With a
    /// 53-bit k the half is rounded away for k &gt;= 2^52 (ties to even), and k = 2^53 - 1 gives
    /// exactly 1.0. With 52 bits every value is exact and the grid is symmetric, u and 1 - u.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double OpenUnit(uint high, uint low)
    {
        ulong bits = (((ulong)high << 32) | low) >> 12;
        return (bits + 0.5) * (1.0 / (1UL << 52));
    }

    /// <summary>Fills <paramref name="destination"/> with the next uniforms, exactly as that many
    /// <see cref="NextOpenUnit"/> calls would, whole blocks four at a time (<see cref="PhiloxLanes"/>).</summary>
    public void NextOpenUnits(Span<double> destination)
    {
        int i = 0;
        while (i < destination.Length && _used != 4) destination[i++] = NextOpenUnit();
        int blocks = (destination.Length - i) / 2;
        if (blocks > 0)
        {
            PhiloxLanes.AlongSubstream(_block, blocks, _patient, _replicate, _group, _key0, _key1, destination.Slice(i, 2 * blocks));
            _block += (uint)blocks; // the current block stays exhausted: the next draw starts a new one
            i += 2 * blocks;
        }
        while (i < destination.Length) destination[i++] = NextOpenUnit();
    }

    /// <summary>Fills <paramref name="destination"/> with the next 32-bit words, exactly as that many
    /// <see cref="NextUInt32"/> calls would, whole blocks four at a time (<see cref="PhiloxLanes"/>).</summary>
    public void NextUInt32s(Span<uint> destination)
    {
        int i = 0;
        while (i < destination.Length && _used != 4) destination[i++] = NextUInt32();
        int blocks = (destination.Length - i) / 4;
        if (blocks > 0)
        {
            PhiloxLanes.WordsAlongSubstream(_block, blocks, _patient, _replicate, _group, _key0, _key1, destination.Slice(i, 4 * blocks));
            _block += (uint)blocks;
            i += 4 * blocks;
        }
        while (i < destination.Length) destination[i++] = NextUInt32();
    }

    /// <summary>
    /// Uniforms <paramref name="slot"/> and <paramref name="slot"/> + 1 (<paramref name="slot"/> even:
    /// one Philox block) of the substreams of patients <paramref name="firstPatient"/>,
    /// <paramref name="firstPatient"/> + 1, ... of this replicate: for patient firstPatient + j what
    /// <c>ForPatient(p)</c>, <c>SkipTo(slot)</c> and two <see cref="NextOpenUnit"/> calls give, into
    /// <paramref name="first"/>[j] and <paramref name="second"/>[j]. Four patients at a time.
    /// </summary>
    public readonly void PatientUniformPairs(int slot, uint firstPatient, Span<double> first, Span<double> second)
    {
        if (slot < 0 || (slot & 1) != 0) throw new ArgumentOutOfRangeException(nameof(slot), slot, "slot must be even and non-negative");
        PhiloxLanes.AcrossSubstreams((uint)(slot >> 1), firstPatient, _replicate, _group, _key0, _key1, first, second);
    }

    /// <summary>
    /// A uniform integer in [0, <paramref name="range"/>), exactly, from usually one 32-bit word
    /// (<see cref="UniformInteger.Below"/>).
    /// </summary>
    public int NextBelow(int range) => UniformInteger.Below(ref this, range);

    /// <summary>A standard exponential draw, by inversion (one log).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextStandardExponential() => -Math.Log(NextOpenUnit());

    /// <summary>
    /// Positions the stream so the next <see cref="NextOpenUnit"/> is the uniform at
    /// <paramref name="uniformIndex"/> of this substream (two 32-bit words each). Counter-based
    /// streams allow this at no cost, so every draw of a patient can sit in a fixed slot: a draw
    /// a scenario does not need is skipped without shifting the others.
    /// </summary>
    public void SkipTo(int uniformIndex)
    {
        uint block = (uint)(uniformIndex >> 1);
        int word = (uniformIndex & 1) * 2;
        if (_used < 4 && block + 1 == _block)
        {
            _used = word; // already in the current block
            return;
        }
        _block = block;
        Refill();
        _used = word;
    }

    private void Refill()
    {
        Block(_block, _patient, _replicate, _group, _key0, _key1, out _r0, out _r1, out _r2, out _r3);
        _block++;
        _used = 0;
    }

    /// <summary>The Philox4x32-10 bijection of one counter block under one key.</summary>
    public static void Block(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1,
        out uint x0, out uint x1, out uint x2, out uint x3)
    {
        for (int round = 0; round < 10; round++)
        {
            ulong p0 = (ulong)M0 * c0, p1 = (ulong)M1 * c2;
            uint n0 = (uint)(p1 >> 32) ^ c1 ^ k0;
            uint n1 = (uint)p1;
            uint n2 = (uint)(p0 >> 32) ^ c3 ^ k1;
            uint n3 = (uint)p0;
            c0 = n0; c1 = n1; c2 = n2; c3 = n3;
            k0 += W0; k1 += W1;
        }
        x0 = c0; x1 = c1; x2 = c2; x3 = c3;
    }
}

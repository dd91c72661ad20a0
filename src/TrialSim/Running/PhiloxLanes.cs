using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace TrialSim.Running;

/// <summary>
/// Philox4x32-10 on four counters at once (AVX2), turned straight into open-unit uniforms: the same
/// numbers as <see cref="RandomStream.Block"/> and <see cref="RandomStream.OpenUnit"/>, bit for bit,
/// at a fraction of the cost. One block is a chain of ten dependent multiplications, so a scalar
/// block waits on latency; four independent blocks in the lanes of one register hide it.
/// </summary>
/// <remarks>
/// A lane holds one block as two 64-bit halves, c0 | c1 &lt;&lt; 32 and c2 | c3 &lt;&lt; 32. A round is then
/// two widening multiplications of the low words (vpmuludq), a swap of the 32-bit halves and two
/// shifts and xors; the next counters come out already in the same layout:
/// new c0 | c1 &lt;&lt; 32 = swap(M1 c2) ^ (c1 | 0) ^ k0 and new c2 | c3 &lt;&lt; 32 = swap(M0 c0) ^ (c3 | 0) ^ k1.
/// Without AVX2 every entry point falls back to the scalar block.
/// </remarks>
internal static class PhiloxLanes
{
    private const uint M0 = 0xD2511F53, M1 = 0xCD9E8D57, W0 = 0x9E3779B9, W1 = 0xBB67AE85;

    /// <summary>1 - 2^-53: [1, 2) minus this is (k + 1/2) / 2^52 exactly (see <see cref="OpenUnits"/>).</summary>
    private const double OneMinusHalfCell = 1.0 - 1.0 / (1UL << 53);

    /// <summary>
    /// The uniforms of <paramref name="blocks"/> consecutive blocks of one substream, from block
    /// <paramref name="firstBlock"/>: two per block, in the order <see cref="RandomStream.NextOpenUnit"/>
    /// hands them out. <paramref name="destination"/> holds 2 x <paramref name="blocks"/> values.
    /// </summary>
    public static void AlongSubstream(uint firstBlock, int blocks, uint c1, uint c2, uint c3, uint k0, uint k1, Span<double> destination)
    {
        int b = 0;
        if (Avx2.IsSupported)
        {
            var steps = Vector256.Create(0UL, 1, 2, 3);
            var high = Vector256.Create((ulong)c1 << 32);
            var lowWord = Vector256.Create(0xFFFF_FFFFUL);
            var c23 = Vector256.Create(c2 | ((ulong)c3 << 32));
            for (; b + 4 <= blocks; b += 4)
            {
                var c01 = ((Vector256.Create((ulong)(firstBlock + (uint)b)) + steps) & lowWord) | high; // block numbers wrap at 2^32
                var x23 = c23;
                Rounds(ref c01, ref x23, k0, k1);
                // Lane j holds block j's two uniforms: interleave so they come out as 2j, 2j + 1.
                var first = OpenUnits(c01);
                var second = OpenUnits(x23);
                var low = Avx.UnpackLow(first, second);   // u0 v0 | u2 v2
                var up = Avx.UnpackHigh(first, second);   // u1 v1 | u3 v3
                ref double target = ref destination[2 * b];
                Avx.Permute2x128(low, up, 0x20).StoreUnsafe(ref target);
                Avx.Permute2x128(low, up, 0x31).StoreUnsafe(ref Unsafe.Add(ref target, 4));
            }
        }
        for (; b < blocks; b++)
        {
            RandomStream.Block(firstBlock + (uint)b, c1, c2, c3, k0, k1, out uint x0, out uint x1, out uint x2, out uint x3);
            destination[2 * b] = RandomStream.OpenUnit(x0, x1);
            destination[2 * b + 1] = RandomStream.OpenUnit(x2, x3);
        }
    }

    /// <summary>
    /// The 32-bit words of <paramref name="blocks"/> consecutive blocks of one substream, from block
    /// <paramref name="firstBlock"/>: four per block, in the order <see cref="RandomStream.NextUInt32"/>
    /// hands them out. <paramref name="destination"/> holds 4 x <paramref name="blocks"/> words.
    /// </summary>
    public static void WordsAlongSubstream(uint firstBlock, int blocks, uint c1, uint c2, uint c3, uint k0, uint k1, Span<uint> destination)
    {
        int b = 0;
        if (Avx2.IsSupported)
        {
            var steps = Vector256.Create(0UL, 1, 2, 3);
            var high = Vector256.Create((ulong)c1 << 32);
            var lowWord = Vector256.Create(0xFFFF_FFFFUL);
            var c23 = Vector256.Create(c2 | ((ulong)c3 << 32));
            var words = System.Runtime.InteropServices.MemoryMarshal.Cast<uint, ulong>(destination);
            for (; b + 4 <= blocks; b += 4)
            {
                var c01 = ((Vector256.Create((ulong)(firstBlock + (uint)b)) + steps) & lowWord) | high; // block numbers wrap at 2^32
                var x23 = c23;
                Rounds(ref c01, ref x23, k0, k1);
                // Lane j holds block j as x0 | x1 << 32 and x2 | x3 << 32: in memory, x0 x1 x2 x3.
                var low = Avx2.UnpackLow(c01, x23);   // block 0 | block 2
                var up = Avx2.UnpackHigh(c01, x23);   // block 1 | block 3
                ref ulong target = ref words[2 * b];
                Avx2.Permute2x128(low, up, 0x20).StoreUnsafe(ref target);
                Avx2.Permute2x128(low, up, 0x31).StoreUnsafe(ref Unsafe.Add(ref target, 4));
            }
        }
        for (; b < blocks; b++)
        {
            RandomStream.Block(firstBlock + (uint)b, c1, c2, c3, k0, k1, out uint x0, out uint x1, out uint x2, out uint x3);
            destination[4 * b] = x0;
            destination[4 * b + 1] = x1;
            destination[4 * b + 2] = x2;
            destination[4 * b + 3] = x3;
        }
    }

    /// <summary>
    /// Block <paramref name="block"/> of the substreams c1 = <paramref name="firstSubstream"/>,
    /// <paramref name="firstSubstream"/> + 1, ... (one per patient): its two uniforms go to
    /// <paramref name="first"/>[j] and <paramref name="second"/>[j] for substream firstSubstream + j.
    /// </summary>
    public static void AcrossSubstreams(uint block, uint firstSubstream, uint c2, uint c3, uint k0, uint k1, Span<double> first, Span<double> second)
    {
        int count = first.Length;
        if (second.Length != count) throw new ArgumentException("first and second must have the same length", nameof(second));
        int j = 0;
        if (Avx2.IsSupported)
        {
            var steps = Vector256.Create(0UL, 1, 2, 3) << 32;
            var c23 = Vector256.Create(c2 | ((ulong)c3 << 32));
            for (; j + 4 <= count; j += 4)
            {
                var c01 = Vector256.Create(block | ((ulong)(firstSubstream + (uint)j) << 32)) + steps;
                var x23 = c23;
                Rounds(ref c01, ref x23, k0, k1);
                OpenUnits(c01).StoreUnsafe(ref first[j]);
                OpenUnits(x23).StoreUnsafe(ref second[j]);
            }
        }
        for (; j < count; j++)
        {
            RandomStream.Block(block, firstSubstream + (uint)j, c2, c3, k0, k1, out uint x0, out uint x1, out uint x2, out uint x3);
            first[j] = RandomStream.OpenUnit(x0, x1);
            second[j] = RandomStream.OpenUnit(x2, x3);
        }
    }

    /// <summary>The ten Philox rounds on four blocks (layout in the type's remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Rounds(ref Vector256<ulong> c01, ref Vector256<ulong> c23, uint k0, uint k1)
    {
        var m0 = Vector256.Create((ulong)M0).AsUInt32();
        var m1 = Vector256.Create((ulong)M1).AsUInt32();
        // Keys in the low word of each lane; 32-bit lane additions keep them wrapping at 2^32.
        var key0 = Vector256.Create((ulong)k0).AsUInt32();
        var key1 = Vector256.Create((ulong)k1).AsUInt32();
        var w0 = Vector256.Create((ulong)W0).AsUInt32();
        var w1 = Vector256.Create((ulong)W1).AsUInt32();
        var x01 = c01;
        var x23 = c23;
        for (int round = 0; round < 10; round++)
        {
            var p0 = Avx2.Multiply(x01.AsUInt32(), m0);
            var p1 = Avx2.Multiply(x23.AsUInt32(), m1);
            x01 = SwapHalves(p1) ^ (x01 >> 32) ^ key0.AsUInt64();
            x23 = SwapHalves(p0) ^ (x23 >> 32) ^ key1.AsUInt64();
            key0 += w0;
            key1 += w1;
        }
        c01 = x01;
        c23 = x23;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> SwapHalves(Vector256<ulong> value) => Avx2.Shuffle(value.AsUInt32(), 0b10_11_00_01).AsUInt64();

    /// <summary>
    /// Per lane, the open-unit uniform of <see cref="RandomStream.OpenUnit"/>(low word, high word):
    /// k = (low &lt;&lt; 32 | high) &gt;&gt; 12 placed under the exponent of 1 is 1 + k / 2^52, and subtracting
    /// 1 - 2^-53 leaves (k + 1/2) / 2^52 exactly (both operands lie in [1/2, 2], Sterbenz).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> OpenUnits(Vector256<ulong> words)
    {
        var k = SwapHalves(words) >> 12;
        return (k | Vector256.Create(0x3FF0_0000_0000_0000UL)).AsDouble() - Vector256.Create(OneMinusHalfCell);
    }
}

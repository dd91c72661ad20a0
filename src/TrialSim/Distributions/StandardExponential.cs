using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TrialSim.Distributions;

/// <summary>
/// Standard exponential draws by inversion, -log(u), for many open-unit uniforms at once: eight
/// (AVX-512) or four (AVX2) a vector step, where a call to the C library's log per draw costs
/// several times as much. The same numbers on every machine, vector or not: every step is one
/// correctly rounded IEEE operation (no fused multiply-add), lane by lane.
/// </summary>
/// <remarks>
/// The logarithm is fdlibm's e_log.c (Sun Microsystems, 1993; also FreeBSD's msun): x = 2^k (1 + f)
/// with 1 + f in [sqrt(2)/2, sqrt(2)), s = f / (2 + f), log(1 + f) = f - s (f - R(s^2)) with R a
/// degree-7 minimax polynomial, and k log 2 added in two parts. Its error is below 1 ulp; against
/// the C library's log it differs in the last bit for about 7.5% of uniforms (tested), far below
/// anything a simulated event time can show. For positive normal inputs only, which open-unit
/// uniforms (at least 2^-53) are.
/// </remarks>
internal static class StandardExponential
{
    private const double Lg1 = 6.666666666666735130e-01, Lg2 = 3.999999999940941908e-01, Lg3 = 2.857142874366239149e-01,
        Lg4 = 2.222219843214978396e-01, Lg5 = 1.818357216161805012e-01, Lg6 = 1.531383769920937332e-01, Lg7 = 1.479819860511658591e-01;
    private const double Ln2Hi = 6.93147180369123816490e-01, Ln2Lo = 1.90821492927058770002e-10;

    /// <summary>1.5 x 2^52: a small integer added to its bit pattern reads back as 1.5 x 2^52 plus the integer.</summary>
    private const long IntegerBias = 0x4338_0000_0000_0000;
    private const double IntegerBiasValue = 6755399441055744.0;

    /// <summary>destination[i] = -log(uniforms[i]) for uniforms in (0, 1]; the spans may be the same.</summary>
    public static void FromUniforms(ReadOnlySpan<double> uniforms, Span<double> destination)
    {
        int n = uniforms.Length;
        if (destination.Length < n) throw new ArgumentException("destination must hold a value per uniform", nameof(destination));
        ref double source = ref MemoryMarshal.GetReference(uniforms);
        ref double target = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; i + 8 <= n; i += 8) (-Log(Vector512.LoadUnsafe(ref source, (nuint)i))).StoreUnsafe(ref target, (nuint)i);
        if (Vector256.IsHardwareAccelerated)
            for (; i + 4 <= n; i += 4) (-Log(Vector256.LoadUnsafe(ref source, (nuint)i))).StoreUnsafe(ref target, (nuint)i);
        for (; i < n; i++) destination[i] = -Log(uniforms[i]);
    }

    /// <summary>
    /// destination[i] = -log(uniforms[i]) / rates[i]: exponential draws by inversion, each at its own
    /// rate (per month), the inverse of <see cref="ExponentialModel.Survival"/> with this logarithm.
    /// </summary>
    public static void FromUniforms(ReadOnlySpan<double> uniforms, ReadOnlySpan<double> rates, Span<double> destination)
    {
        int n = uniforms.Length;
        if (rates.Length < n || destination.Length < n) throw new ArgumentException("rates and destination must hold a value per uniform");
        ref double source = ref MemoryMarshal.GetReference(uniforms);
        ref double rate = ref MemoryMarshal.GetReference(rates);
        ref double target = ref MemoryMarshal.GetReference(destination);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; i + 8 <= n; i += 8)
                (-Log(Vector512.LoadUnsafe(ref source, (nuint)i)) / Vector512.LoadUnsafe(ref rate, (nuint)i)).StoreUnsafe(ref target, (nuint)i);
        if (Vector256.IsHardwareAccelerated)
            for (; i + 4 <= n; i += 4)
                (-Log(Vector256.LoadUnsafe(ref source, (nuint)i)) / Vector256.LoadUnsafe(ref rate, (nuint)i)).StoreUnsafe(ref target, (nuint)i);
        for (; i < n; i++) destination[i] = -Log(uniforms[i]) / rates[i];
    }

    /// <summary>-log(u) for one uniform: the scalar form of the same steps, the same number.</summary>
    public static double FromUniform(double uniform) => -Log(uniform);

    /// <summary>fdlibm's log of a positive normal double.</summary>
    internal static double Log(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        long high = (long)((ulong)bits >> 32);
        long k = (high >> 20) - 1023;
        high &= 0xfffff;
        long half = (high + 0x95f64) & 0x100000; // set when the mantissa is at least sqrt(2): halve it
        double normalised = BitConverter.Int64BitsToDouble(((high | (half ^ 0x3ff00000)) << 32) | (bits & 0xffffffff));
        k += half >> 20;
        double f = normalised - 1.0;
        double dk = BitConverter.Int64BitsToDouble(k + IntegerBias) - IntegerBiasValue;
        double s = f / (2.0 + f);
        double z = s * s;
        double w = z * z;
        double t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
        double t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
        double r = t2 + t1;
        double hfsq = 0.5 * f * f;
        bool large = ((high - 0x6147a) | (0x6b851 - high)) > 0;
        return large
            ? dk * Ln2Hi - ((hfsq - (s * (hfsq + r) + dk * Ln2Lo)) - f)
            : dk * Ln2Hi - ((s * (f - r) - dk * Ln2Lo) - f);
    }

    /// <summary><see cref="Log(double)"/> lane by lane; both of its final forms, one kept per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Log(Vector512<double> x)
    {
        var bits = x.AsInt64();
        var high = bits >>> 32;
        var k = (high >> 20) - Vector512.Create(1023L);
        high &= Vector512.Create(0xfffffL);
        var half = (high + Vector512.Create(0x95f64L)) & Vector512.Create(0x100000L);
        var f = (((high | (half ^ Vector512.Create(0x3ff00000L))) << 32) | (bits & Vector512.Create(0xffffffffL))).AsDouble() - Vector512.Create(1.0);
        k += half >>> 20;
        var dk = (k + Vector512.Create(IntegerBias)).AsDouble() - Vector512.Create(IntegerBiasValue);
        var s = f / (Vector512.Create(2.0) + f);
        var z = s * s;
        var w = z * z;
        var t1 = w * (Vector512.Create(Lg2) + w * (Vector512.Create(Lg4) + w * Vector512.Create(Lg6)));
        var t2 = z * (Vector512.Create(Lg1) + w * (Vector512.Create(Lg3) + w * (Vector512.Create(Lg5) + w * Vector512.Create(Lg7))));
        var r = t2 + t1;
        var hfsq = Vector512.Create(0.5) * f * f;
        var large = Vector512.GreaterThan((high - Vector512.Create(0x6147aL)) | (Vector512.Create(0x6b851L) - high), Vector512<long>.Zero).AsDouble();
        var hi = dk * Vector512.Create(Ln2Hi);
        var lo = dk * Vector512.Create(Ln2Lo);
        return Vector512.ConditionalSelect(large, hi - ((hfsq - (s * (hfsq + r) + lo)) - f), hi - ((s * (f - r) - lo) - f));
    }

    /// <inheritdoc cref="Log(Vector512{double})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Log(Vector256<double> x)
    {
        var bits = x.AsInt64();
        var high = bits >>> 32;
        var k = (high >> 20) - Vector256.Create(1023L);
        high &= Vector256.Create(0xfffffL);
        var half = (high + Vector256.Create(0x95f64L)) & Vector256.Create(0x100000L);
        var f = (((high | (half ^ Vector256.Create(0x3ff00000L))) << 32) | (bits & Vector256.Create(0xffffffffL))).AsDouble() - Vector256.Create(1.0);
        k += half >>> 20;
        var dk = (k + Vector256.Create(IntegerBias)).AsDouble() - Vector256.Create(IntegerBiasValue);
        var s = f / (Vector256.Create(2.0) + f);
        var z = s * s;
        var w = z * z;
        var t1 = w * (Vector256.Create(Lg2) + w * (Vector256.Create(Lg4) + w * Vector256.Create(Lg6)));
        var t2 = z * (Vector256.Create(Lg1) + w * (Vector256.Create(Lg3) + w * (Vector256.Create(Lg5) + w * Vector256.Create(Lg7))));
        var r = t2 + t1;
        var hfsq = Vector256.Create(0.5) * f * f;
        var large = Vector256.GreaterThan((high - Vector256.Create(0x6147aL)) | (Vector256.Create(0x6b851L) - high), Vector256<long>.Zero).AsDouble();
        var hi = dk * Vector256.Create(Ln2Hi);
        var lo = dk * Vector256.Create(Ln2Lo);
        return Vector256.ConditionalSelect(large, hi - ((hfsq - (s * (hfsq + r) + lo)) - f), hi - ((s * (f - r) - lo) - f));
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MathNet.Numerics.Distributions;

namespace TrialSim.Decisions;

/// <summary>
/// The sub-density of the z statistic at one look, on a quadrature grid: H[i] = w_i f_k(Z[i]), where
/// f_k is the density of Z_k on the paths that continued past every earlier look (it integrates to
/// the probability of reaching look k) and w_i the Simpson weight of grid point Z[i].
/// </summary>
/// <remarks>The spans are caller-owned (stack) buffers of <see cref="GroupSequentialIntegration.MaxGridPoints"/>.</remarks>
internal ref struct LookDensity
{
    public Span<double> Z;
    public Span<double> H;
    public int Count;
    /// <summary>Information fraction of the look this density belongs to (0 for the start, a point mass at z = 0).</summary>
    public double Information;
    /// <summary>The drift theta: Z_k has mean theta sqrt(Information).</summary>
    public double Drift;

    public LookDensity(Span<double> z, Span<double> h)
    {
        Z = z;
        H = h;
    }

    /// <summary>The probability of reaching this look (the integral of the sub-density).</summary>
    public readonly double Mass()
    {
        double sum = 0;
        for (int i = 0; i < Count; i++) sum += H[i];
        return sum;
    }
}

/// <summary>
/// The recursive numerical integration of Jennison &amp; Turnbull (2000), "Group Sequential Methods
/// with Applications to Clinical Trials", chapter 19: the canonical joint distribution of
/// Z_1, ..., Z_K (Cov(Z_j, Z_k) = sqrt(t_j / t_k), mean theta sqrt(t_k)) is carried look by look as a
/// sub-density on a grid, and exit probabilities are one-dimensional sums over the previous grid.
/// </summary>
/// <remarks>
/// Between looks k-1 and k (information fractions t_{k-1} &lt; t_k, increment D = t_k - t_{k-1}) the
/// score S = Z sqrt(t) gains an independent N(theta D, D) increment, so with
/// c_i = (z_i sqrt(t_{k-1}) + theta D) / sqrt(D) and q = sqrt(t_k) / sqrt(D):
/// P(reach k, Z_k &gt;= b) = sum_i h_i Phi(c_i - q b), P(reach k, Z_k &lt;= a) = sum_i h_i Phi(q a - c_i),
/// f_k(z) = q sum_i h_i phi(q z - c_i). The start is a point mass at z = 0 with t = 0, so the first
/// look needs no special case. Grid (J&amp;T section 19.2.1, with r = <see cref="GridParameter"/>): points
/// about the mean spaced 3 / (2r) within 3 standard deviations and logarithmically beyond, cut at
/// 8 standard deviations (J&amp;T go on to 3 + 4 log r); points outside the continuation region are
/// replaced by its ends; midpoints are added and Simpson's rule weights the 2m - 1 points. With r = 16
/// boundaries agree with rpact to about 1e-6 and the total mass is right to a few 1e-8; r = 32 gives
/// 1e-7 at four times the cost (the grid-to-grid step is quadratic in r).
/// </remarks>
internal static class GroupSequentialIntegration
{
    /// <summary>J&amp;T's grid parameter r: 16 keeps boundaries within about 1e-6 of rpact at a quarter of r = 32's cost.</summary>
    public const int GridParameter = 16;

    /// <summary>Largest grid: all 6r - 1 points plus the two ends of the region, then the midpoints.</summary>
    public const int MaxGridPoints = 2 * (6 * GridParameter + 1) - 1;

    /// <summary>How far from the mean the grid reaches, in standard deviations.</summary>
    public const double ReachInStandardDeviations = 8.0;

    /// <summary>The kernel's exponent is floored here: exp(-300) = 5e-131 is as good as 0 next to
    /// the probabilities sought, and the floor keeps products away from slow subnormal arithmetic.</summary>
    private const double ExponentFloor = -300.0;

    private const double InverseSqrtTwoPi = 0.39894228040143267794;

    /// <summary>Sets <paramref name="density"/> to the start: a point mass at z = 0 with information 0.</summary>
    public static void Start(ref LookDensity density, double drift)
    {
        density.Z[0] = 0.0;
        density.H[0] = 1.0;
        density.Count = 1;
        density.Information = 0.0;
        density.Drift = drift;
    }

    /// <summary>The transition to the look at <paramref name="nextInformation"/>: fills c_i (see remarks) and returns q.</summary>
    public static double Transition(in LookDensity from, double nextInformation, Span<double> c)
    {
        double increment = nextInformation - from.Information;
        double rootIncrement = Math.Sqrt(increment);
        double rootPrevious = Math.Sqrt(from.Information);
        double driftTerm = from.Drift * increment;
        for (int i = 0; i < from.Count; i++) c[i] = (from.Z[i] * rootPrevious + driftTerm) / rootIncrement;
        return Math.Sqrt(nextInformation) / rootIncrement;
    }

    /// <summary>P(reach the next look, Z &gt;= <paramref name="bound"/>) = sum_i h_i Phi(c_i - q bound).</summary>
    public static double UpperTail(ReadOnlySpan<double> h, ReadOnlySpan<double> c, double q, double bound)
    {
        if (double.IsPositiveInfinity(bound)) return 0.0;
        double sum = 0;
        for (int i = 0; i < h.Length; i++) sum += h[i] * StandardNormal.Cdf(c[i] - q * bound);
        return sum;
    }

    /// <summary>P(reach the next look, Z &lt;= <paramref name="bound"/>) = sum_i h_i Phi(q bound - c_i).</summary>
    public static double LowerTail(ReadOnlySpan<double> h, ReadOnlySpan<double> c, double q, double bound)
    {
        if (double.IsNegativeInfinity(bound)) return 0.0;
        double sum = 0;
        for (int i = 0; i < h.Length; i++) sum += h[i] * StandardNormal.Cdf(q * bound - c[i]);
        return sum;
    }

    /// <summary>
    /// The bound b with sum_i h_i Phi(c_i - q b) = <paramref name="target"/>, for 0 &lt; target &lt; sum_i h_i;
    /// <paramref name="guess"/> starts the search. Newton's method on log P(b) (nearly linear in b,
    /// so a few steps suffice), kept inside a bracket and bisecting when a step leaves it.
    /// </summary>
    public static double SolveUpper(ReadOnlySpan<double> h, ReadOnlySpan<double> c, double q, double target, double guess)
    {
        double logTarget = Math.Log(target);
        double below = double.NegativeInfinity; // tail above target here
        double above = double.PositiveInfinity; // tail below target here
        double b = guess;
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double tail = 0, density = 0;
            for (int i = 0; i < h.Length; i++)
            {
                double x = c[i] - q * b;
                tail += h[i] * StandardNormal.Cdf(x);
                density += h[i] * StandardNormal.Density(x);
            }
            if (tail == target) return b;
            if (tail > target) below = b; else above = b;
            if (tail > 0 && density > 0)
            {
                double step = (Math.Log(tail) - logTarget) * tail / (q * density);
                // Converged: tested before the bracket, since a step this small may land on the bracket's end.
                if (Math.Abs(step) < 1e-10 * Math.Max(1.0, Math.Abs(b))) return b + step;
                double newton = b + step;
                if (newton > below && newton < above) { b = newton; continue; }
            }
            // The Newton step left the bracket (or the tail underflowed): bisect, or walk towards the root.
            if (double.IsFinite(below) && double.IsFinite(above)) b = 0.5 * (below + above);
            else b = double.IsFinite(below) ? below + 1.0 : above - 1.0;
            if (above - below < 1e-12 * Math.Max(1.0, Math.Abs(b))) return b;
        }
        return b;
    }

    /// <summary>The bound a with sum_i h_i Phi(q a - c_i) = <paramref name="target"/>: <see cref="SolveUpper"/>
    /// on the mirror image (c to -c, a to -b), negating <paramref name="c"/> in place and back.</summary>
    public static double SolveLower(ReadOnlySpan<double> h, Span<double> c, double q, double target, double guess)
    {
        Negate(c);
        double mirrored = SolveUpper(h, c, q, target, -guess);
        Negate(c);
        return -mirrored;
    }

    private static void Negate(Span<double> values)
    {
        for (int i = 0; i < values.Length; i++) values[i] = -values[i];
    }

    /// <summary>
    /// Carries <paramref name="from"/> to the next look: the sub-density of the paths continuing there
    /// (Z in (<paramref name="lower"/>, <paramref name="upper"/>)), on a J&amp;T grid about the mean
    /// theta sqrt(t), written into <paramref name="to"/>. <paramref name="c"/> and <paramref name="q"/>
    /// come from <see cref="Transition"/>.
    /// </summary>
    public static void Advance(in LookDensity from, ReadOnlySpan<double> c, double q, double nextInformation,
        double lower, double upper, ref LookDensity to)
    {
        to.Information = nextInformation;
        to.Drift = from.Drift;
        int count = BuildGrid(from.Drift * Math.Sqrt(nextInformation), lower, upper, to.Z, to.H);
        to.Count = count;
        ReadOnlySpan<double> h = from.H[..from.Count];
        ReadOnlySpan<double> cc = c[..from.Count];
        for (int j = 0; j < count; j++)
            to.H[j] *= q * InverseSqrtTwoPi * GaussianKernelSum(h, cc, q * to.Z[j]);
    }

    /// <summary>sum_i h_i exp(-(x - c_i)^2 / 2), vectorised: this double loop is the cost of the whole method.</summary>
    private static double GaussianKernelSum(ReadOnlySpan<double> h, ReadOnlySpan<double> c, double x)
    {
        int i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && h.Length >= Vector<double>.Count)
        {
            var vx = new Vector<double>(x);
            var minusHalf = new Vector<double>(-0.5);
            var floor = new Vector<double>(ExponentFloor);
            var acc = Vector<double>.Zero;
            var hv = MemoryMarshal.Cast<double, Vector<double>>(h);
            var cv = MemoryMarshal.Cast<double, Vector<double>>(c);
            for (int v = 0; v < hv.Length; v++)
            {
                var d = vx - cv[v];
                acc += hv[v] * Vector.Exp(Vector.Max(minusHalf * d * d, floor));
            }
            sum = Vector.Sum(acc);
            i = hv.Length * Vector<double>.Count;
        }
        for (; i < h.Length; i++)
        {
            double d = x - c[i];
            sum += h[i] * Math.Exp(Math.Max(-0.5 * d * d, ExponentFloor));
        }
        return sum;
    }

    /// <summary>
    /// Writes J&amp;T's grid for the region (lower, upper) about <paramref name="mean"/> into
    /// <paramref name="z"/> and its Simpson weights into <paramref name="w"/>; returns the number of
    /// points (0 when the region holds no mass within the grid's reach).
    /// </summary>
    public static int BuildGrid(double mean, double lower, double upper, Span<double> z, Span<double> w)
    {
        const int r = GridParameter;
        const int basicCount = 6 * r - 1;
        // J&T's points reach 3 + 4 log r standard deviations; beyond 8 the mass (6e-16) is below the
        // precision sought, and keeping those points only feeds subnormal numbers to the kernel.
        double low = Math.Max(lower, mean - ReachInStandardDeviations), high = Math.Min(upper, mean + ReachInStandardDeviations);
        if (!(high > low)) return 0;

        // The odd-numbered points y_1..y_m go to z[0], z[2], ..., z[2m - 2].
        z[0] = low;
        int m = 1;
        for (int i = 1; i <= basicCount; i++)
        {
            double x = BasicPoint(mean, i);
            if (x > low && x < high) z[2 * m++] = x;
        }
        z[2 * m++] = high;

        int n = 2 * m - 1;
        for (int j = 1; j < n; j += 2) z[j] = 0.5 * (z[j - 1] + z[j + 1]);
        // Simpson's rule on each [y_i, y_{i+1}]: weights (1, 4, 1) * (y_{i+1} - y_i) / 6.
        for (int j = 0; j < n; j++) w[j] = 0.0;
        for (int j = 0; j + 2 < n; j += 2)
        {
            double width = (z[j + 2] - z[j]) / 6.0;
            w[j] += width;
            w[j + 1] += 4.0 * width;
            w[j + 2] += width;
        }
        return n;
    }

    /// <summary>J&amp;T's basic grid point x_i, i = 1..6r - 1, about <paramref name="mean"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double BasicPoint(double mean, int i)
    {
        const int r = GridParameter;
        if (i < r) return mean - 3.0 - 4.0 * Math.Log((double)r / i);
        if (i <= 5 * r) return mean - 3.0 + 3.0 * (i - r) / (2.0 * r);
        return mean + 3.0 + 4.0 * Math.Log((double)r / (6 * r - i));
    }

    /// <summary>The standard normal quantile, for starting guesses.</summary>
    public static double NormalQuantile(double p) => Normal.InvCDF(0.0, 1.0, p);
}

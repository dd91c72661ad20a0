using MathNet.Numerics;

namespace TrialSim.Decisions;

/// <summary>
/// Finds Simon's optimal and minimax two-stage designs by exhaustive search, as Simon (1989) did.
/// </summary>
/// <remarks>
/// Simon R. (1989) "Optimal two-stage designs for phase II clinical trials", Controlled Clinical Trials
/// 10:1-10. A design r1/n1, r/n (see <see cref="SimonDesign"/>) is feasible when its type I error
/// P(reject H0; p0) is at most alpha and its power P(reject H0; p1) is at least 1 - beta. The search runs
/// over every total n in 2 .. maxTotal, every first stage n1 in 1 .. n - 1, every r1 in 0 .. n1 - 1 and
/// every r in r1 .. n - 1.
/// <para>Choices among feasible designs follow clinfun::ph2simon (Seshan V.E., R package clinfun,
/// src/ph2simon.f), which reproduces Simon's tables:</para>
/// <list type="bullet">
/// <item>For one (n, n1, r1) every feasible r gives the same EN(p0); the largest feasible r is taken, the
/// one with the smallest type I error that still keeps the power.</item>
/// <item>Optimal: the smallest EN(p0); on an exact tie, the smaller n, then the smaller n1.</item>
/// <item>Minimax: the smallest n; among designs of that n the smallest EN(p0), then the smaller n1.</item>
/// </list>
/// The one departure from clinfun: it asks for type I error strictly below alpha and power strictly above
/// 1 - beta, here at most alpha and at least 1 - beta, as Simon wrote them. They differ only when an
/// error rate equals the bound to the last bit.
/// <para>Cost: for a fixed (n, n1), EN(p0) = n1 + P(X1 &gt; r1; p0) (n - n1) falls as r1 rises, so r1 runs
/// downward from n1 - 1 and the first r1 with a feasible r is the best for that (n, n1). The power falls
/// as r rises and rises as r1 falls, so the largest r with enough power only moves up as r1 moves down and
/// is found by one pointer over r for all r1; each error rate is a sum of at most n1 products. Binomial
/// probabilities and upper tails are tabulated once for every size up to maxTotal at p0 and p1, from
/// log-gamma, tails summed from the top so small tails keep their relative accuracy. Nothing allocates
/// inside the loops; pairs (n, n1) with n1 at least the best EN(p0) so far are skipped by the optimal
/// search (EN(p0) &gt; n1), and the minimax search stops at the first n with a feasible design.</para>
/// </remarks>
public static class SimonSearch
{
    /// <summary>The largest maxTotal accepted: the tables hold about maxTotal^2 numbers at each of p0 and p1.</summary>
    public const int MaxTotalLimit = 1000;

    /// <summary>Simon's optimal design: the smallest expected sample size under p0 among feasible designs.</summary>
    /// <param name="p0">Response rate under H0 (not promising), in (0, 1).</param>
    /// <param name="p1">Response rate under H1 (promising), in (p0, 1).</param>
    /// <param name="alpha">Largest type I error allowed, P(reject H0; p0), in (0, 1).</param>
    /// <param name="beta">Largest type II error allowed, 1 - power at p1, in (0, 1).</param>
    /// <param name="maxTotal">Largest total sample size searched, in [2, <see cref="MaxTotalLimit"/>].</param>
    /// <exception cref="InvalidOperationException">No design with n at most maxTotal meets alpha and beta.</exception>
    public static SimonDesign Optimal(double p0, double p1, double alpha, double beta, int maxTotal = 100) =>
        Search(p0, p1, alpha, beta, maxTotal, minimax: false);

    /// <summary>Simon's minimax design: the smallest total sample size among feasible designs, and among
    /// those the smallest expected sample size under p0.</summary>
    /// <inheritdoc cref="Optimal" path="/param"/>
    /// <exception cref="InvalidOperationException">No design with n at most maxTotal meets alpha and beta.</exception>
    public static SimonDesign Minimax(double p0, double p1, double alpha, double beta, int maxTotal = 100) =>
        Search(p0, p1, alpha, beta, maxTotal, minimax: true);

    private static SimonDesign Search(double p0, double p1, double alpha, double beta, int maxTotal, bool minimax)
    {
        if (!(p0 > 0 && p0 < 1)) throw new ArgumentOutOfRangeException(nameof(p0), p0, "p0 must lie strictly between 0 and 1");
        if (!(p1 > p0 && p1 < 1)) throw new ArgumentOutOfRangeException(nameof(p1), p1, $"p1 must lie strictly between p0 ({p0}) and 1");
        if (!(alpha > 0 && alpha < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must lie strictly between 0 and 1");
        if (!(beta > 0 && beta < 1)) throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must lie strictly between 0 and 1");
        if (maxTotal < 2 || maxTotal > MaxTotalLimit)
            throw new ArgumentOutOfRangeException(nameof(maxTotal), maxTotal, $"maxTotal must lie in [2, {MaxTotalLimit}]");

        var nullTable = new BinomialTable(maxTotal, p0);
        var alternativeTable = new BinomialTable(maxTotal, p1);
        double minimumPower = 1.0 - beta;

        SimonDesign? best = null;
        double bestExpected = double.PositiveInfinity;
        for (int n = 2; n <= maxTotal; n++)
        {
            for (int n1 = 1; n1 < n; n1++)
            {
                // EN(p0) > n1 whenever the second stage can happen, so this pair cannot beat the best so far.
                if (!minimax && n1 >= bestExpected) break;
                if (!TryBestBoundaries(nullTable, alternativeTable, n1, n, alpha, minimumPower, out int r1, out int r)) continue;
                double expected = n1 + nullTable.Tail(n1, r1 + 1) * (n - n1);
                if (expected < bestExpected)
                {
                    bestExpected = expected;
                    best = new SimonDesign(n1, r1, n, r);
                }
            }
            if (minimax && best is not null) return best;
        }
        return best ?? throw new InvalidOperationException(
            $"No two-stage design with at most {maxTotal} patients has type I error <= {alpha} at p0 = {p0} and power >= {1 - beta} at p1 = {p1}; raise maxTotal");
    }

    /// <summary>For one (n1, n): the largest r1 that has a feasible r, and the largest such r.</summary>
    private static bool TryBestBoundaries(BinomialTable nullTable, BinomialTable alternativeTable, int n1, int n,
        double alpha, double minimumPower, out int bestR1, out int bestR)
    {
        // r: the largest r with power >= 1 - beta at the r1 before (-1: none yet). It stays valid as r1 falls,
        // since the power at a fixed r only rises when r1 falls.
        int r = -1;
        for (int r1 = n1 - 1; r1 >= 0; r1--)
        {
            if (r < r1)
            {
                if (RejectionProbability(alternativeTable, n1, n, r1, r1) < minimumPower) continue;
                r = r1;
            }
            while (r + 1 < n && RejectionProbability(alternativeTable, n1, n, r1, r + 1) >= minimumPower) r++;
            if (RejectionProbability(nullTable, n1, n, r1, r) <= alpha)
            {
                bestR1 = r1;
                bestR = r;
                return true;
            }
        }
        bestR1 = bestR = -1;
        return false;
    }

    /// <summary>sum over x1 = r1 + 1 .. n1 of b(x1; n1, p) P(X2 &gt;= r - x1 + 1; n - n1, p).</summary>
    private static double RejectionProbability(BinomialTable table, int n1, int n, int r1, int r)
    {
        int n2 = n - n1;
        ReadOnlySpan<double> firstStage = table.Probabilities(n1);
        ReadOnlySpan<double> secondStageTail = table.Tails(n2);
        double sum = 0.0;
        for (int x1 = r1 + 1; x1 <= n1; x1++)
        {
            // Tail index 0 is P(X2 >= 0) = 1 (the first stage alone exceeds r); n2 + 1 is 0 (out of reach).
            sum += firstStage[x1] * secondStageTail[Math.Clamp(r - x1 + 1, 0, n2 + 1)];
        }
        return sum;
    }

    /// <summary>b(x; m, p) for x = 0 .. m and P(X &gt;= k; m, p) for k = 0 .. m + 1, for every m up to a
    /// maximum, in two flat arrays (row m of the probabilities starts at m (m + 1) / 2, of the tails at
    /// m (m + 3) / 2).</summary>
    private sealed class BinomialTable
    {
        private readonly double[] _probabilities;
        private readonly double[] _tails;

        public BinomialTable(int maxSize, double p)
        {
            _probabilities = new double[(maxSize + 1) * (maxSize + 2) / 2];
            _tails = new double[(maxSize + 1) * (maxSize + 4) / 2];
            double logP = Math.Log(p), logQ = Math.Log(1.0 - p);
            for (int m = 0; m <= maxSize; m++)
            {
                Span<double> probabilities = _probabilities.AsSpan(m * (m + 1) / 2, m + 1);
                Span<double> tails = _tails.AsSpan(m * (m + 3) / 2, m + 2);
                for (int x = 0; x <= m; x++)
                    probabilities[x] = Math.Exp(SpecialFunctions.BinomialLn(m, x) + x * logP + (m - x) * logQ);
                tails[m + 1] = 0.0;
                for (int k = m; k > 0; k--) tails[k] = tails[k + 1] + probabilities[k];
                // P(X >= 0) is 1 exactly, not the rounded sum of the row.
                tails[0] = 1.0;
            }
        }

        public ReadOnlySpan<double> Probabilities(int m) => _probabilities.AsSpan(m * (m + 1) / 2, m + 1);

        public ReadOnlySpan<double> Tails(int m) => _tails.AsSpan(m * (m + 3) / 2, m + 2);

        public double Tail(int m, int k) => Tails(m)[k];
    }
}

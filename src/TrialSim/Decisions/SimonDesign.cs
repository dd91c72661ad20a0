using MathNet.Numerics.Distributions;
using TrialSim.Analyses;

namespace TrialSim.Decisions;

/// <summary>
/// A Simon two-stage design for a single-arm response rate: stop after the first stage (accept H0)
/// when at most r1 of n1 patients respond; otherwise enrol up to n in all and declare the treatment
/// promising (reject H0) when more than r respond in total.
/// </summary>
/// <param name="FirstStageSize">n1, patients in the first stage; at least 1 and below <paramref name="TotalSize"/>.</param>
/// <param name="FirstStageMaxResponses">r1, the most first-stage responses that still stop the trial; in [0, n1).</param>
/// <param name="TotalSize">n, patients over both stages.</param>
/// <param name="MaxResponses">r, the most total responses that still accept H0; in [r1, n).</param>
/// <remarks>
/// Simon R. (1989) "Optimal two-stage designs for phase II clinical trials", Controlled Clinical Trials
/// 10:1-10. Written r1/n1, r/n as in Simon's tables: 0/9, 2/17 stops after 9 patients without a response
/// and otherwise needs at least 3 responses among 17. With X1 ~ Binomial(n1, p) and X2 ~ Binomial(n - n1, p)
/// independent, the probability of rejecting H0 is
/// sum over x1 = r1 + 1 .. n1 of b(x1; n1, p) P(X2 &gt; r - x1), the probability of stopping early is
/// PET(p) = P(X1 &lt;= r1), and the expected sample size is EN(p) = n1 + (1 - PET(p)) (n - n1).
/// Designs are searched for by <see cref="SimonSearch"/>.
/// </remarks>
public sealed record SimonDesign(int FirstStageSize, int FirstStageMaxResponses, int TotalSize, int MaxResponses)
{
    // The four numbers are checked together once, at construction, so every member can trust them. A `with`
    // copy is not checked again (it copies fields without running initializers); build a new design instead.
    /// <summary>r, the most total responses that still accept H0.</summary>
    public int MaxResponses { get; init; } = Check(FirstStageSize, FirstStageMaxResponses, TotalSize, MaxResponses);

    /// <summary>n - n1, patients in the second stage.</summary>
    public int SecondStageSize => TotalSize - FirstStageSize;

    /// <summary>P(reject H0; p) = sum over x1 = r1 + 1 .. n1 of b(x1; n1, p) P(X2 &gt; r - x1; n - n1, p):
    /// the type I error at p = p0, the power at p = p1.</summary>
    /// <param name="p">True response rate, in [0, 1].</param>
    public double RejectionProbability(double p)
    {
        RequireProbability(p, nameof(p));
        double sum = 0.0;
        for (int x1 = FirstStageMaxResponses + 1; x1 <= FirstStageSize; x1++)
        {
            // P(X2 > r - x1) = P(X2 >= r - x1 + 1); 1 once the first stage alone exceeds r.
            sum += Binomial.PMF(p, FirstStageSize, x1) * BinomialLandmarkTest.TailProbability(SecondStageSize, MaxResponses - x1 + 1, p);
        }
        return Math.Clamp(sum, 0.0, 1.0);
    }

    /// <summary>PET(p) = P(X1 &lt;= r1), the probability of stopping after the first stage.</summary>
    /// <param name="p">True response rate, in [0, 1].</param>
    public double EarlyStopProbability(double p)
    {
        RequireProbability(p, nameof(p));
        return 1.0 - BinomialLandmarkTest.TailProbability(FirstStageSize, FirstStageMaxResponses + 1, p);
    }

    /// <summary>EN(p) = n1 + (1 - PET(p)) (n - n1), the expected number of patients enrolled.</summary>
    /// <param name="p">True response rate, in [0, 1].</param>
    public double ExpectedSampleSize(double p) => FirstStageSize + (1.0 - EarlyStopProbability(p)) * SecondStageSize;

    /// <summary>Simon's notation, "r1/n1, r/n".</summary>
    public override string ToString() => $"{FirstStageMaxResponses}/{FirstStageSize}, {MaxResponses}/{TotalSize}";

    private static int Check(int firstStageSize, int firstStageMaxResponses, int totalSize, int maxResponses)
    {
        if (firstStageSize < 1)
            throw new ArgumentOutOfRangeException(nameof(FirstStageSize), firstStageSize, "FirstStageSize must be at least 1");
        if (totalSize <= firstStageSize)
            throw new ArgumentOutOfRangeException(nameof(TotalSize), totalSize, $"TotalSize must exceed FirstStageSize ({firstStageSize})");
        if (firstStageMaxResponses < 0 || firstStageMaxResponses >= firstStageSize)
            throw new ArgumentOutOfRangeException(nameof(FirstStageMaxResponses), firstStageMaxResponses, $"FirstStageMaxResponses must lie in [0, {firstStageSize - 1}]");
        if (maxResponses < firstStageMaxResponses || maxResponses >= totalSize)
            throw new ArgumentOutOfRangeException(nameof(MaxResponses), maxResponses, $"MaxResponses must lie in [{firstStageMaxResponses}, {totalSize - 1}]");
        return maxResponses;
    }

    private static void RequireProbability(double p, string name)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(name, p, $"{name} must lie in [0, 1]");
    }
}

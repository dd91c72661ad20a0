using MathNet.Numerics.Distributions;

namespace TrialSim.Analyses;

/// <summary>
/// One-sample log-rank test of a single arm against a reference survival curve. H0: the arm's hazard
/// is the reference's; H1: it is lower (fewer events than the reference predicts).
/// </summary>
/// <remarks>
/// Finkelstein D.M., Muzikansky A., Schoenfeld D.A. (2003) "Comparing survival of a sample to that of
/// a standard population", JNCI 95:1434-1439. O is the number of observed events; E = sum over every
/// patient of Lambda0(t_i), the reference cumulative hazard at the patient's observed time (event or
/// censoring). Z = (E - O) / sqrt(E), positive for benefit; one-sided p-value 1 - Phi(Z); reject when
/// p &lt;= alpha. The estimate O / E is the standardized event ratio, the hazard ratio against the
/// reference when the true hazard is proportional to it, with the exact Poisson interval
/// (Garwood 1936): lower = chi2((1 - level) / 2; 2 O) / (2 E) (0 when O = 0),
/// upper = chi2((1 + level) / 2; 2 O + 2) / (2 E). The data need not be sorted.
/// </remarks>
public static class OneSampleLogRankTest
{
    /// <summary>Runs the test; time in months, in any order.</summary>
    /// <returns>Estimate O / E with its Poisson interval; Analysed = all patients; Events = O.
    /// Undefined when E = 0 (no follow-up under the reference). When E is +infinity (someone observed
    /// beyond the point the reference says nobody survives) the estimate and limits are 0 and p is 0.</returns>
    public static AnalysisResult Analyze(ReadOnlySpan<double> time, ReadOnlySpan<bool> isEvent, OneSampleLogRankSpec spec)
    {
        SpecChecks.RequireValid(spec);
        ArgumentNullException.ThrowIfNull(spec.Reference, "spec.Reference");
        SpecChecks.RequireSameLength(time.Length, isEvent.Length);

        int observed = 0;
        double expected = 0.0;
        for (int i = 0; i < time.Length; i++)
        {
            if (isEvent[i]) observed++;
            expected += spec.Reference.CumulativeHazard(time[i]);
        }
        if (!(expected > 0)) return AnalysisResult.Undefined(time.Length, observed);
        if (double.IsPositiveInfinity(expected)) return new AnalysisResult(0.0, 0.0, 0.0, 0.0, true, time.Length, observed);

        double statistic = (expected - observed) / Math.Sqrt(expected);
        double pValue = Normal.CDF(0.0, 1.0, -statistic);
        double tail = 0.5 * (1.0 - spec.ConfidenceLevel);
        double lower = observed == 0 ? 0.0 : ChiSquared.InvCDF(2.0 * observed, tail) / (2.0 * expected);
        double upper = ChiSquared.InvCDF(2.0 * observed + 2.0, 1.0 - tail) / (2.0 * expected);
        return new AnalysisResult(observed / expected, lower, upper, pValue, pValue <= spec.Alpha, time.Length, observed);
    }
}

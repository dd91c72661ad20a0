using MathNet.Numerics.Distributions;

namespace TrialSim.Analyses;

/// <summary>
/// Two-arm log-rank test, one-sided for the alternative that the experimental arm has the lower
/// hazard; estimate the one-step (O - E) / V hazard ratio.
/// </summary>
/// <remarks>
/// From <see cref="LogRank.Compute"/>: Z = (O1 - E1) / sqrt(V), negative when the experimental arm
/// has fewer events than expected; one-sided p-value Phi(Z); reject when p &lt;= alpha.
/// Hazard ratio (experimental / control) by the one-step estimate exp((O1 - E1) / V) with interval
/// exp((O1 - E1) / V -/+ z / sqrt(V)), z = Phi^-1((1 + level) / 2). <see cref="LogRankSpec"/> calls it
/// Pike's; in the literature this form is usually the Peto (one-step) estimate, Yusuf S., Peto R.,
/// Lewis J., Collins R., Sleight P. (1985) "Beta blockade during and after myocardial infarction: an
/// overview of the randomized trials", Progress in Cardiovascular Diseases 27:335-371, while Pike's
/// is (O1 / E1) / (O0 / E0). It is close to the Cox estimate when the hazard ratio is near 1.
/// </remarks>
public static class LogRankTest
{
    /// <summary>Runs the test. The inputs follow <see cref="LogRank.Compute"/>; when
    /// <see cref="LogRankSpec.Stratified"/> is false every patient is put in one stratum and
    /// <paramref name="stratum"/> is not read.</summary>
    /// <returns>Estimate: the hazard ratio with its interval; Analysed: patients in either arm; Events:
    /// their events. Undefined (NaN estimate, p-value 1, no rejection) when V = 0: no events, or no
    /// event time with patients of both arms at risk.</returns>
    public static AnalysisResult Analyze(ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent,
        ReadOnlySpan<byte> group, ReadOnlySpan<byte> stratum, int strata, LogRankSpec spec)
    {
        SpecChecks.RequireValid(spec);
        if (!spec.Stratified) strata = 1;
        LogRankStatistic statistic = LogRank.Compute(sortedTime, isEvent, group, stratum, strata);
        if (!(statistic.Variance > 0)) return AnalysisResult.Undefined(statistic.Analysed, statistic.Events);

        double logHazardRatio = (statistic.Observed - statistic.Expected) / statistic.Variance;
        double halfWidth = Normal.InvCDF(0.0, 1.0, 0.5 * (1.0 + spec.ConfidenceLevel)) / Math.Sqrt(statistic.Variance);
        double pValue = Normal.CDF(0.0, 1.0, statistic.Z);
        return new AnalysisResult(Math.Exp(logHazardRatio), Math.Exp(logHazardRatio - halfWidth), Math.Exp(logHazardRatio + halfWidth),
            pValue, pValue <= spec.Alpha, statistic.Analysed, statistic.Events);
    }
}

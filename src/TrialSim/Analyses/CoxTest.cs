using MathNet.Numerics.Distributions;

namespace TrialSim.Analyses;

/// <summary>
/// Wald test of the hazard ratio (experimental / control) from a Cox model on the arm alone
/// (<see cref="Cox.Fit"/>): superiority when the spec's margin is 1, non-inferiority otherwise.
/// </summary>
/// <remarks>
/// With beta the fitted log hazard ratio and se its standard error: estimate exp(beta), interval
/// exp(beta -/+ z se), z = Phi^-1((1 + level) / 2); H0: HR &gt;= margin against H1: HR &lt; margin, with
/// one-sided p-value Phi((beta - log margin) / se); reject when p &lt;= alpha.
/// </remarks>
public static class CoxTest
{
    /// <summary>Runs the test. The inputs follow <see cref="Cox.Fit"/>; when
    /// <see cref="CoxSpec.Stratified"/> is false every patient is put in one stratum and
    /// <paramref name="stratum"/> is not read.</summary>
    /// <returns>Estimate: the hazard ratio with its Wald interval; Analysed: patients in either arm;
    /// Events: their events. Undefined (NaN estimate and interval, p-value 1, no rejection) whenever
    /// the fit did not converge: no events, no event time with both arms at risk, or a monotone
    /// likelihood (all events in one arm, the estimate running to 0 or infinity). That includes the
    /// case where every event is in the control arm, which favours the experimental arm: the
    /// simulator counts undefined results, so such trials show up there rather than as rejections.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Alpha or the confidence level outside (0, 1), the
    /// margin below 1, infinite or NaN, or the ties setting not defined.</exception>
    public static AnalysisResult Analyze(ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent,
        ReadOnlySpan<byte> group, ReadOnlySpan<byte> stratum, int strata, CoxSpec spec)
    {
        SpecChecks.RequireValid(spec);
        if (!(spec.NonInferiorityMargin >= 1) || double.IsPositiveInfinity(spec.NonInferiorityMargin))
            throw new ArgumentOutOfRangeException("spec.NonInferiorityMargin", spec.NonInferiorityMargin,
                "spec.NonInferiorityMargin must be a finite hazard ratio of at least 1 (1 = superiority)");
        if (!spec.Stratified) strata = 1;

        CoxFit fit = Cox.Fit(sortedTime, isEvent, group, stratum, strata, spec.Ties);
        if (!fit.Converged) return AnalysisResult.Undefined(fit.Analysed, fit.Events);

        double halfWidth = Normal.InvCDF(0.0, 1.0, 0.5 * (1.0 + spec.ConfidenceLevel)) * fit.StandardError;
        double statistic = (fit.Coefficient - Math.Log(spec.NonInferiorityMargin)) / fit.StandardError;
        double pValue = Normal.CDF(0.0, 1.0, statistic);
        return new AnalysisResult(Math.Exp(fit.Coefficient), Math.Exp(fit.Coefficient - halfWidth), Math.Exp(fit.Coefficient + halfWidth),
            pValue, pValue <= spec.Alpha, fit.Analysed, fit.Events);
    }
}

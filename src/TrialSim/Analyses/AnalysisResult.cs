namespace TrialSim.Analyses;

/// <summary>
/// The outcome of one analysis (single- or two-arm) on one simulated trial: a point estimate with a two-sided
/// confidence interval, a one-sided p-value and the decision.
/// </summary>
/// <param name="Estimate">The estimate on the analysis's own scale (a survival probability, a
/// proportion, a standardized event ratio); NaN when the data do not define it.</param>
/// <param name="Lower">Lower confidence limit at the spec's confidence level; NaN when undefined.</param>
/// <param name="Upper">Upper confidence limit at the spec's confidence level; NaN when undefined.</param>
/// <param name="PValue">One-sided p-value for the alternative that the experimental condition does
/// better; 1 when the data cannot speak.</param>
/// <param name="Reject">True when the null hypothesis is rejected (p-value at most alpha).</param>
/// <param name="Analysed">Number of patients contributing to the analysis.</param>
/// <param name="Events">Number of events contributing to the analysis.</param>
public readonly record struct AnalysisResult(
    double Estimate, double Lower, double Upper, double PValue, bool Reject, int Analysed, int Events)
{
    /// <summary>The result when the data do not define an estimate: NaN estimate and interval,
    /// p-value 1, no rejection.</summary>
    public static AnalysisResult Undefined(int analysed, int events) =>
        new(double.NaN, double.NaN, double.NaN, 1.0, false, analysed, events);
}

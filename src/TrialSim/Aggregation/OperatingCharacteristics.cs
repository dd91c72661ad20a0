using TrialSim.Analyses;

namespace TrialSim.Aggregation;

/// <summary>
/// Operating characteristics of one analysis at one scenario point: one row of summary.parquet.
/// Every Monte Carlo estimate carries its standard error (the *Mcse members). Trial-level
/// quantities (enrolment, events, durations) are the same for every analysis of a point.
/// </summary>
/// <param name="RejectionRate">Power under an alternative, type I error under the null.</param>
/// <param name="TrueValue">What the analysis estimates under this truth (NaN when undefined, e.g. a hazard ratio under non-proportional hazards).</param>
/// <param name="MeanEstimate">Mean estimate over trials where it was defined.</param>
/// <param name="Bias">Mean of (estimate - true value).</param>
/// <param name="Coverage">Share of confidence intervals containing the true value.</param>
/// <param name="UndefinedRate">Share of trials where the estimate was undefined (nobody evaluable).</param>
/// <param name="AnalysisN">Mean patients contributing to this analysis (for a landmark binomial, those evaluable).</param>
public sealed record OperatingCharacteristics(
    int TruthIndex,
    string Truth,
    string AnalysisName,
    string AnalysisType,
    long Replicates,
    double RejectionRate, double RejectionRateMcse,
    double TrueValue,
    double MeanEstimate, double MeanEstimateMcse,
    double Bias, double BiasMcse,
    double Coverage, double CoverageMcse,
    double UndefinedRate,
    double AnalysisN, double AnalysisNMcse,
    DistributionSummary Enrolled,
    DistributionSummary Analysed,
    DistributionSummary Events,
    DistributionSummary Duration,
    DistributionSummary AccrualDuration,
    double ClosedShortRate, double ClosedShortRateMcse,
    double MedianFollowUp, double MedianFollowUpMcse)
{
    public static OperatingCharacteristics From(int truthIndex, string truthName, AnalysisSpec spec, PointAccumulator point, int analysisIndex)
    {
        var a = point.Analyses[analysisIndex];
        long replicates = point.Replicates;
        return new OperatingCharacteristics(
            truthIndex, truthName, spec.Name, AnalysisTypeName.Of(spec), replicates,
            a.Rejections.Proportion, a.Rejections.StandardError,
            a.TrueValue,
            a.Estimate.MeanOrNaN, a.Estimate.StandardError,
            a.Error.MeanOrNaN, a.Error.StandardError,
            a.Coverage.Proportion, a.Coverage.StandardError,
            replicates > 0 ? (double)a.Undefined / replicates : double.NaN,
            a.Analysed.MeanOrNaN, a.Analysed.StandardError,
            DistributionSummary.From(point.Enrolled, point.EnrolledDistribution),
            DistributionSummary.From(point.Analysed, point.AnalysedDistribution),
            DistributionSummary.From(point.Events, point.EventsDistribution),
            DistributionSummary.From(point.Duration, point.DurationDistribution),
            DistributionSummary.From(point.AccrualDuration, point.AccrualDurationDistribution),
            point.ClosedShort.Proportion, point.ClosedShort.StandardError,
            point.MedianFollowUp.MeanOrNaN, point.MedianFollowUp.StandardError);
    }
}

using TrialSim.Aggregation;

namespace TrialSim.Reports;

/// <summary>One row of summary.parquet read back: the operating characteristics of one analysis
/// at one point (README, "summary.parquet", documents every column).</summary>
public sealed record SummaryRow(
    PointKey Key,
    string Analysis,
    string AnalysisType,
    long Replicates,
    MeanWithError RejectionRate,
    double TrueValue,
    MeanWithError MeanEstimate,
    MeanWithError Bias,
    MeanWithError Coverage,
    double UndefinedRate,
    MeanWithError AnalysisN,
    QuantileSummary Enrolled,
    QuantileSummary Analysed,
    QuantileSummary Events,
    QuantileSummary Duration,
    QuantileSummary AccrualDuration,
    MeanWithError ClosedShortRate,
    MeanWithError MedianFollowUp);

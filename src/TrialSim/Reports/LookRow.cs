using TrialSim.Aggregation;

namespace TrialSim.Reports;

/// <summary>One row of looks.parquet read back: one look (0, 1, ..., the final) at one point.
/// Stopping rates are over all trials; time, information, statistic and bounds are means over the
/// trials that reached the look.</summary>
public sealed record LookRow(
    PointKey Key,
    int Look,
    bool IsFinal,
    long Replicates,
    double ReachedRate,
    MeanWithError StopEfficacy,
    MeanWithError StopFutility,
    MeanWithError CumulativeRejection,
    MeanWithError Time,
    MeanWithError Information,
    double StatisticMean,
    double EfficacyBoundMean,
    double FutilityBoundMean);

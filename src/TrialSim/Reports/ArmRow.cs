using TrialSim.Aggregation;

namespace TrialSim.Reports;

/// <summary>One row of arms.parquet read back: per-trial means for one arm at one point.</summary>
public sealed record ArmRow(
    PointKey Key,
    int Arm,
    string ArmName,
    long Replicates,
    MeanWithError Enrolled,
    MeanWithError Analysed,
    MeanWithError Events,
    MeanWithError Deaths,
    MeanWithError MonthsOffDrugPerPatient,
    MeanWithError Rechallenged,
    MeanWithError Responded,
    MeanWithError ResponseRate,
    MeanWithError SecondProgressions);

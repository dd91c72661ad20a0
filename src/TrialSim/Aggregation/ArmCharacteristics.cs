namespace TrialSim.Aggregation;

/// <summary>A mean of a per-trial quantity with its Monte Carlo standard error.</summary>
public readonly record struct MeanWithError(double Mean, double Mcse)
{
    public static MeanWithError From(in RunningMoments moments) => new(moments.MeanOrNaN, moments.StandardError);
}

/// <summary>
/// Operating characteristics of one arm at one scenario point: one row of arms.parquet.
/// Per-trial means; <see cref="ResponseRate"/> pools responders over all rechallenged patients
/// (its MCSE treats them as independent, ignoring clustering within trials).
/// </summary>
public sealed record ArmCharacteristics(
    int TruthIndex, string Truth, int ArmIndex, string ArmName, long Replicates,
    MeanWithError Enrolled, MeanWithError Analysed, MeanWithError Events, MeanWithError Deaths,
    MeanWithError MonthsOffDrugPerPatient, MeanWithError Rechallenged, MeanWithError Responded,
    double ResponseRate, double ResponseRateMcse, MeanWithError SecondProgressions)
{
    public static ArmCharacteristics From(int truthIndex, string truthName, int armIndex, string armName, long replicates, ArmAccumulator arm)
    {
        double rate = arm.RechallengedTotal > 0 ? (double)arm.RespondedTotal / arm.RechallengedTotal : double.NaN;
        double rateMcse = arm.RechallengedTotal > 0 ? Math.Sqrt(rate * (1 - rate) / arm.RechallengedTotal) : double.NaN;
        return new ArmCharacteristics(truthIndex, truthName, armIndex, armName, replicates,
            MeanWithError.From(arm.Enrolled), MeanWithError.From(arm.Analysed), MeanWithError.From(arm.Events), MeanWithError.From(arm.Deaths),
            MeanWithError.From(arm.MonthsOffDrugPerPatient), MeanWithError.From(arm.Rechallenged), MeanWithError.From(arm.Responded),
            rate, rateMcse, MeanWithError.From(arm.SecondProgressions));
    }
}

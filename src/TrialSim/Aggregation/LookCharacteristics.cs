namespace TrialSim.Aggregation;

/// <summary>
/// Operating characteristics of one look at one scenario point: one row of looks.parquet. The
/// stopping probabilities are over all simulated trials; the means (time, information, statistic,
/// bounds) over the trials that reached the look. Bounds vary between trials when the information
/// at the looks does.
/// </summary>
public sealed record LookCharacteristics(
    int TruthIndex, string Truth, int Look, bool IsFinal, long Replicates,
    double ReachedRate, double StopEfficacyRate, double StopEfficacyMcse, double StopFutilityRate, double StopFutilityMcse,
    double CumulativeRejection, double CumulativeRejectionMcse,
    MeanWithError Time, MeanWithError Information, MeanWithError Statistic, MeanWithError EfficacyBound, MeanWithError FutilityBound)
{
    public static IEnumerable<LookCharacteristics> From(int truthIndex, string truthName, long replicates, LookAccumulator[] looks)
    {
        double cumulative = 0;
        for (int k = 0; k < looks.Length; k++)
        {
            var look = looks[k];
            cumulative += look.StoppedForEfficacy.Proportion;
            double cumulativeMcse = Math.Sqrt(cumulative * (1 - cumulative) / Math.Max(replicates, 1));
            yield return new LookCharacteristics(truthIndex, truthName, k, k == looks.Length - 1, replicates,
                look.Reached.Proportion, look.StoppedForEfficacy.Proportion, look.StoppedForEfficacy.StandardError,
                look.StoppedForFutility.Proportion, look.StoppedForFutility.StandardError, cumulative, cumulativeMcse,
                MeanWithError.From(look.Time), MeanWithError.From(look.Information), MeanWithError.From(look.Statistic),
                MeanWithError.From(look.EfficacyBound), MeanWithError.From(look.FutilityBound));
        }
    }
}

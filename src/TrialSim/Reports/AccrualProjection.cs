using System.Collections.Immutable;
using TrialSim.Cohorts;
using TrialSim.Running;
using TrialSim.Scenarios;

namespace TrialSim.Reports;

/// <summary>
/// Patients enrolled against calendar time over many simulated accruals: the median and a
/// central band at each time of a grid. Enrolment alone (the arrival process, target and closing
/// date), not stopped by an analysis or an interim look.
/// </summary>
/// <param name="Times">Calendar months from the opening of enrolment, ascending from 0.</param>
/// <param name="Lower">The <see cref="LowerProbability"/> quantile of patients enrolled by each time.</param>
/// <param name="Upper">The <see cref="UpperProbability"/> quantile.</param>
/// <param name="MedianTimeToTarget">Median time the target is reached, counting accruals that
/// close short as never; +infinity when half or more close short.</param>
/// <param name="ClosedShortShare">Share of simulated accruals that closed below the target.</param>
public sealed record AccrualProjection(
    ImmutableArray<double> Times,
    ImmutableArray<double> Lower,
    ImmutableArray<double> Median,
    ImmutableArray<double> Upper,
    double LowerProbability,
    double UpperProbability,
    int Target,
    double? MaxDuration,
    double MedianTimeToTarget,
    double ClosedShortShare,
    int Simulations)
{
    /// <summary>
    /// Simulates <paramref name="simulations"/> accruals with the run's generator and seed
    /// (replicates 0, 1, ...: the arrivals of the run's own trials).
    /// </summary>
    public static AccrualProjection Simulate(Scenario scenario, ulong seed, int simulations = 1000, int gridPoints = 201,
        double lowerProbability = 0.10, double upperProbability = 0.90)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(simulations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(gridPoints, 2);
        var workspace = new TrialWorkspace(SimulationPlan.Compile(scenario, seed));
        var cohort = workspace.Cohort;
        var entries = new double[simulations][];
        var timeToTarget = new double[simulations];
        int closedShort = 0;
        double horizon = scenario.Accrual.MaxDuration ?? 0;
        for (int r = 0; r < simulations; r++)
        {
            CohortGenerator.Generate(cohort, scenario, scenario.Points[0], workspace.Randomiser, new RandomStream(seed, 0, (uint)r, 0));
            entries[r] = cohort.Entry.AsSpan(0, cohort.Enrolled).ToArray();
            timeToTarget[r] = cohort.ClosedShort ? double.PositiveInfinity : cohort.LastEntry;
            if (cohort.ClosedShort) closedShort++;
            if (double.IsFinite(cohort.AccrualEnd)) horizon = Math.Max(horizon, cohort.AccrualEnd);
        }
        horizon = horizon > 0 ? horizon * 1.05 : 1;
        var times = new double[gridPoints];
        var lower = new double[gridPoints];
        var median = new double[gridPoints];
        var upper = new double[gridPoints];
        var counts = new double[simulations];
        for (int g = 0; g < gridPoints; g++)
        {
            double t = horizon * g / (gridPoints - 1);
            times[g] = t;
            for (int r = 0; r < simulations; r++) counts[r] = EnrolledBy(entries[r], t);
            Array.Sort(counts);
            lower[g] = Quantile(counts, lowerProbability);
            median[g] = Quantile(counts, 0.5);
            upper[g] = Quantile(counts, upperProbability);
        }
        Array.Sort(timeToTarget);
        return new AccrualProjection([.. times], [.. lower], [.. median], [.. upper], lowerProbability, upperProbability,
            scenario.Accrual.TargetSampleSize, scenario.Accrual.MaxDuration, Quantile(timeToTarget, 0.5),
            (double)closedShort / simulations, simulations);
    }

    /// <summary>Entries (ascending) at or before <paramref name="time"/>.</summary>
    private static int EnrolledBy(double[] entries, double time)
    {
        int index = Array.BinarySearch(entries, time);
        if (index < 0) return ~index;
        while (index + 1 < entries.Length && entries[index + 1] == time) index++;
        return index + 1;
    }

    /// <summary>Quantile of sorted values with linear interpolation (R's type 7); +infinity propagates.</summary>
    internal static double Quantile(double[] sorted, double probability)
    {
        double h = (sorted.Length - 1) * probability;
        int low = (int)Math.Floor(h);
        int high = Math.Min(low + 1, sorted.Length - 1);
        double fraction = h - low;
        if (fraction == 0 || sorted[low] == sorted[high]) return sorted[low];
        return sorted[low] + fraction * (sorted[high] - sorted[low]);
    }
}

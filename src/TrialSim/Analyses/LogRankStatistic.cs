namespace TrialSim.Analyses;

/// <summary>
/// The two-arm log-rank statistic for the experimental arm, summed over strata when stratified.
/// </summary>
/// <param name="Observed">O1, events observed in the experimental arm.</param>
/// <param name="Expected">E1 = sum over event times of d_j n1j / n_j, the experimental events
/// expected under equal hazards.</param>
/// <param name="Variance">V = sum of d_j (n1j / n_j)(1 - n1j / n_j)(n_j - d_j) / (n_j - 1), the
/// hypergeometric variance of O1 - E1 (0 when there are no events).</param>
/// <param name="Events">Events in both arms.</param>
/// <param name="Analysed">Patients in either arm (group 0 or 1).</param>
public readonly record struct LogRankStatistic(double Observed, double Expected, double Variance, int Events, int Analysed)
{
    /// <summary>Z = (O1 - E1) / sqrt(V): negative when the experimental arm has fewer events than
    /// expected, that is when it does better. NaN when V = 0.</summary>
    public double Z => Variance > 0 ? (Observed - Expected) / Math.Sqrt(Variance) : double.NaN;

    /// <summary>The log-rank chi-square on 1 degree of freedom, Z squared (as R's survdiff reports).</summary>
    public double ChiSquare => Z * Z;
}

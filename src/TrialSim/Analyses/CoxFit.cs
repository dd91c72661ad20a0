namespace TrialSim.Analyses;

/// <summary>
/// A Cox proportional-hazards fit with the arm (experimental = 1, control = 0) as the only covariate.
/// </summary>
/// <param name="Coefficient">beta, the log hazard ratio experimental / control; the last iterate
/// when not converged, NaN when nothing could be fitted (no events, or no information at beta = 0).</param>
/// <param name="StandardError">1 / sqrt(observed information) at <see cref="Coefficient"/>.</param>
/// <param name="LogLikelihood">The log partial likelihood at <see cref="Coefficient"/> (at 0 when
/// nothing could be fitted); R's <c>coxph(...)$loglik[2]</c>.</param>
/// <param name="Iterations">Newton-Raphson steps taken.</param>
/// <param name="Converged">True when a step moved beta by less than 1e-10 within the iteration limit
/// and with |beta| at most 20; false for a monotone likelihood (all events in one arm, beta running
/// off to infinity) and when nothing could be fitted.</param>
/// <param name="Events">Events in both arms.</param>
/// <param name="Analysed">Patients in either arm (group 0 or 1).</param>
public readonly record struct CoxFit(double Coefficient, double StandardError, double LogLikelihood, int Iterations, bool Converged, int Events, int Analysed)
{
    /// <summary>The hazard ratio exp(beta).</summary>
    public double HazardRatio => Math.Exp(Coefficient);
}

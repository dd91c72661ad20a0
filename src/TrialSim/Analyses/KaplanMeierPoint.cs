namespace TrialSim.Analyses;

/// <summary>
/// The Kaplan-Meier estimate at one time, with what is needed for its Greenwood variance.
/// </summary>
/// <param name="Survival">Kaplan-Meier estimate of S(t) = P(T &gt; t).</param>
/// <param name="GreenwoodSum">Greenwood's sum, the variance of log S(t):
/// sum over event times t_j &lt;= t of d_j / (n_j (n_j - d_j)). +infinity once the curve has dropped to 0
/// (a last event time with n_j = d_j), where the variance of log S is unbounded.</param>
/// <param name="AtRisk">Patients at risk at t: those whose observed time is at least t.</param>
/// <param name="EventsUpTo">Events at or before t.</param>
/// <param name="BeyondLastObservation">True when t exceeds the largest observed time (or there are no
/// patients). The curve is then carried forward from its last value, as R's survfit does with
/// <c>summary(fit, times, extend = TRUE)</c>; unless it has reached 0, the estimate there is an
/// extrapolation, not an estimate.</param>
public readonly record struct KaplanMeierPoint(
    double Survival, double GreenwoodSum, int AtRisk, int EventsUpTo, bool BeyondLastObservation)
{
    /// <summary>Greenwood standard error of S(t) on the survival scale: S(t) sqrt(GreenwoodSum).</summary>
    /// <remarks>When the curve has reached 0 this is 0, the limit of the plain-scale Greenwood variance
    /// S(t_j-)^2 d_j (n_j - d_j) / n_j^3 as d_j approaches n_j (R's survfit reports NaN there).</remarks>
    public double StandardError => Survival == 0 ? 0.0 : Survival * Math.Sqrt(GreenwoodSum);
}

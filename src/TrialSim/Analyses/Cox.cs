namespace TrialSim.Analyses;

/// <summary>
/// Cox proportional-hazards regression on the arm alone (x = 1 experimental, 0 control), optionally
/// with a separate baseline hazard per stratum, Efron or Breslow ties, fitted as R's
/// <c>survival::coxph</c> does.
/// </summary>
/// <remarks>
/// Cox D.R. (1972) "Regression models and life-tables", JRSS B 34:187-220; Breslow N. (1974)
/// "Covariance analysis of censored survival data", Biometrics 30:89-99; Efron B. (1977) "The
/// efficiency of Cox's likelihood function for censored data", JASA 72:557-565.
/// <para>With r = exp(beta), at a distinct event time within a stratum with n0, n1 patients at risk
/// and d0, d1 events (d = d0 + d1) the risk-set sums are S0 = n0 + n1 r and S1 = S2 = n1 r (x squared
/// is x), and the tied events' sums D0 = d0 + d1 r, D1 = d1 r. Efron's term, for k = 0 .. d - 1,
/// takes a_k = S0 - (k / d) D0, b_k = S1 - (k / d) D1, p_k = b_k / a_k:
/// log-likelihood d1 beta - sum log a_k, score d1 - sum p_k, information sum p_k (1 - p_k).
/// Breslow's is the same with k = 0 throughout (a_k = S0). Stratification sums the terms over
/// strata. Because the covariate is binary the risk-set sums are counts, so each likelihood
/// evaluation is one pass over the data with per-stratum counters (<see cref="RiskSetScan"/>).</para>
/// <para>Newton-Raphson from beta = 0: beta += score / information; while the step lowers the
/// likelihood (by more than rounding, 1e-13 relative) it is halved; converged once a step moves beta by less than 1e-10 (at most 30 steps).
/// The log partial likelihood is concave in beta, so halving only matters far from the optimum.
/// When every event falls in one arm the likelihood is monotone and beta runs off to infinity
/// (about one unit per step); the fit stops as soon as |beta| exceeds 20 (a hazard ratio beyond
/// 5e8 or below 2e-9, meaningless in a trial) and reports <see cref="CoxFit.Converged"/> false.
/// The standard error is 1 / sqrt(information) at the final beta.</para>
/// </remarks>
public static class Cox
{
    private const int MaxIterations = 30;
    private const int MaxHalvings = 40;
    private const double Tolerance = 1e-10;
    private const double DivergenceBound = 20.0;
    private const double RoundingSlack = 1e-13;

    /// <summary>Fits the model. Inputs as <see cref="LogRank.Compute"/>.</summary>
    /// <param name="sortedTime">Observed times (months), ascending over all patients.</param>
    /// <param name="isEvent">True for an event, false for a censoring.</param>
    /// <param name="group">1 = experimental, 0 = control, any other value = not in this comparison (skipped).</param>
    /// <param name="stratum">Stratum code 0 .. <paramref name="strata"/> - 1 per patient; not read (may be
    /// empty) when <paramref name="strata"/> is 1.</param>
    /// <param name="strata">Number of strata (separate baseline hazards), 1 to 64.</param>
    /// <param name="ties">How tied event times enter the partial likelihood.</param>
    /// <exception cref="ArgumentException">Lengths differ, or times are NaN or not ascending.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="strata"/> or <paramref name="ties"/>
    /// out of range, or a stratum code of a patient in the comparison is at least <paramref name="strata"/>.</exception>
    public static CoxFit Fit(ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent,
        ReadOnlySpan<byte> group, ReadOnlySpan<byte> stratum, int strata, CoxTies ties)
    {
        RequireDefined(ties);
        TwoArmSurvivalInput.Validate(sortedTime, isEvent, group, stratum, strata, out int analysed, out int events);
        Span<int> workspace = stackalloc int[RiskSetScan.WorkspaceLength(strata)];

        double beta = 0.0;
        var current = Evaluate(sortedTime, isEvent, group, stratum, strata, ties, beta, workspace);
        // No events, or none with both arms at risk: the likelihood is flat, beta is not identified.
        if (!(current.Information > 0))
            return new CoxFit(double.NaN, double.NaN, current.LogLikelihood, 0, false, events, analysed);

        bool converged = false;
        int iteration = 0;
        while (iteration < MaxIterations)
        {
            iteration++;
            double candidate = beta + current.Score / current.Information;
            var next = Evaluate(sortedTime, isEvent, group, stratum, strata, ties, candidate, workspace);
            // Halve only on a real decrease: within a few 1e-9 of the maximum the likelihood moves by
            // less than its rounding error, and halving on noise would stop short of the maximum.
            // "Not >=" also catches NaN from an overflowing step.
            double floor = current.LogLikelihood - RoundingSlack * (1.0 + Math.Abs(current.LogLikelihood));
            for (int halving = 0; !(next.LogLikelihood >= floor) && halving < MaxHalvings; halving++)
            {
                candidate = 0.5 * (beta + candidate);
                next = Evaluate(sortedTime, isEvent, group, stratum, strata, ties, candidate, workspace);
            }
            double change = candidate - beta;
            beta = candidate;
            current = next;
            if (Math.Abs(beta) > DivergenceBound || !(current.Information > 0)) break;
            if (Math.Abs(change) < Tolerance)
            {
                converged = true;
                break;
            }
        }
        return new CoxFit(beta, 1.0 / Math.Sqrt(current.Information), current.LogLikelihood, iteration, converged, events, analysed);
    }

    /// <summary>The log partial likelihood, its derivative (score) and minus its second derivative
    /// (observed information) at <paramref name="beta"/>. Input trusted (validated by the caller).</summary>
    internal static (double LogLikelihood, double Score, double Information) Evaluate(
        ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent, ReadOnlySpan<byte> group,
        ReadOnlySpan<byte> stratum, int strata, CoxTies ties, double beta, Span<int> workspace)
    {
        double relativeHazard = Math.Exp(beta);
        double logLikelihood = 0, score = 0, information = 0;
        var scan = new RiskSetScan(sortedTime, isEvent, group, stratum, strata, workspace);
        while (scan.MoveNext(out RiskSetAtEventTime at))
        {
            int deaths = at.Deaths;
            // Split each sum into its control and experimental parts so that 1 - p is computed as
            // the control share directly, without cancellation when p is near 1.
            double controlSum = at.AtRiskControl, experimentalSum = at.AtRiskExperimental * relativeHazard;
            double tiedControl = at.DeathsControl, tiedExperimental = at.DeathsExperimental * relativeHazard;
            logLikelihood += at.DeathsExperimental * beta;
            score += at.DeathsExperimental;
            for (int k = 0; k < deaths; k++)
            {
                // Efron: the k-th of the tied events sees the risk set minus k/d of the tied events.
                double fraction = ties == CoxTies.Efron ? (double)k / deaths : 0.0;
                double control = controlSum - fraction * tiedControl;
                double experimental = experimentalSum - fraction * tiedExperimental;
                double total = control + experimental;
                double share = experimental / total;
                logLikelihood -= Math.Log(total);
                score -= share;
                information += share * (control / total);
            }
        }
        return (logLikelihood, score, information);
    }

    internal static void RequireDefined(CoxTies ties)
    {
        if (ties != CoxTies.Efron && ties != CoxTies.Breslow)
            throw new ArgumentOutOfRangeException(nameof(ties), ties, "ties must be Efron or Breslow");
    }
}

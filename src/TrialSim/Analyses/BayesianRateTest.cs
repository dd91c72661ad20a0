using MathNet.Numerics.Distributions;

namespace TrialSim.Analyses;

/// <summary>
/// Bayesian comparison of progression-free rates at a landmark among evaluable patients: independent
/// Beta priors, binomial likelihoods, success when P(p_E &gt; p_C - margin | data) exceeds the threshold.
/// </summary>
/// <remarks>
/// With x_E of n_E and x_C of n_C evaluable patients free of events at t* (evaluable as in
/// <see cref="BinomialLandmarkTest"/>), the posteriors are p_E ~ Beta(a_E + x_E, b_E + n_E - x_E) and
/// p_C ~ Beta(a_C + x_C, b_C + n_C - x_C), and the posterior probability P(p_E &gt; p_C - margin) is
/// computed by quadrature (<see cref="BetaBinomialPosterior.ProbabilityExceeds"/>), never by sampling.
/// This is the form of BFR14's rule Prob(PFR stop &gt; PFR continue) &gt; 0.95. Alpha is not used.
/// </remarks>
public static class BayesianRateTest
{
    /// <summary>Runs the rule; time in months, in any order; group 1 = experimental, 0 = control, any
    /// other code is left out.</summary>
    /// <returns>
    /// Estimate: the difference of posterior means E[p_E] - E[p_C]. Lower / Upper: a normal-approximation
    /// credible interval at the spec's confidence level, difference -/+ Phi^-1((1 + level) / 2)
    /// sqrt(Var[p_E] + Var[p_C]) from the two Beta posterior variances (not an exact quantile interval of
    /// the difference). PValue: 1 - P(p_E &gt; p_C - margin | data), the posterior probability of the
    /// opposite, so that small is good as with a p-value; it is not a frequentist p-value. Reject: the
    /// posterior probability exceeds the threshold (strictly). Analysed = evaluable patients in the two
    /// groups; Events = failures (events at or before the landmark) among them. Undefined when a group has
    /// nobody evaluable: the posterior would be the prior alone and the rule would decide on no data.
    /// </returns>
    /// <param name="cache">Optional memo of posterior probabilities for this spec (the simulator passes one per analysis).</param>
    public static AnalysisResult Analyze(ReadOnlySpan<double> time, ReadOnlySpan<bool> isEvent, ReadOnlySpan<byte> group, BayesianRateSpec spec,
        PosteriorProbabilityCache? cache = null)
    {
        // Alpha is not used by the rule, but a spec is checked whole so a bad one fails the same way everywhere.
        SpecChecks.RequireValid(spec);
        SpecChecks.RequireNonNegativeFinite(spec.Landmark, "spec.Landmark");
        SpecChecks.RequireOpenUnit(spec.Threshold, "spec.Threshold");
        if (!(spec.Margin > -1 && spec.Margin < 1))
            throw new ArgumentOutOfRangeException("spec.Margin", spec.Margin, "spec.Margin must lie strictly between -1 and 1");
        SpecChecks.RequireSameLength(time.Length, isEvent.Length);
        SpecChecks.RequireGroupLength(time.Length, group.Length);

        var experimental = LandmarkStatusCount.Tally(time, isEvent, group, 1, spec.Landmark);
        var control = LandmarkStatusCount.Tally(time, isEvent, group, 0, spec.Landmark);
        // The priors are checked here, before the counts can decide the result is undefined.
        var experimentalPosterior = BetaBinomialPosterior.FromPrior(spec.ExperimentalPriorA, spec.ExperimentalPriorB, experimental.Successes, experimental.Evaluable);
        var controlPosterior = BetaBinomialPosterior.FromPrior(spec.ControlPriorA, spec.ControlPriorB, control.Successes, control.Evaluable);
        int analysed = experimental.Evaluable + control.Evaluable;
        int events = experimental.Failures + control.Failures;
        if (experimental.Evaluable == 0 || control.Evaluable == 0) return AnalysisResult.Undefined(analysed, events);

        double probability = PosteriorProbability(spec, experimentalPosterior, controlPosterior,
            experimental.Successes, experimental.Evaluable, control.Successes, control.Evaluable, cache);
        double difference = experimentalPosterior.Mean - controlPosterior.Mean;
        double halfWidth = Normal.InvCDF(0.0, 1.0, 0.5 * (1.0 + spec.ConfidenceLevel))
            * Math.Sqrt(experimentalPosterior.Variance + controlPosterior.Variance);
        return new AnalysisResult(difference, difference - halfWidth, difference + halfWidth, 1.0 - probability, probability > spec.Threshold, analysed, events);
    }

    /// <summary>
    /// The rule's posterior probability P(p_E &gt; p_C - margin | data) for the given counts (successes
    /// of evaluable, per arm), through the memo when there is one. The one place the rule is
    /// evaluated: the analysis and the predictive probability of a final success both call it.
    /// </summary>
    internal static double PosteriorProbability(BayesianRateSpec spec, int experimentalSuccesses, int experimentalEvaluable,
        int controlSuccesses, int controlEvaluable, PosteriorProbabilityCache? cache) =>
        PosteriorProbability(spec,
            BetaBinomialPosterior.FromPrior(spec.ExperimentalPriorA, spec.ExperimentalPriorB, experimentalSuccesses, experimentalEvaluable),
            BetaBinomialPosterior.FromPrior(spec.ControlPriorA, spec.ControlPriorB, controlSuccesses, controlEvaluable),
            experimentalSuccesses, experimentalEvaluable, controlSuccesses, controlEvaluable, cache);

    private static double PosteriorProbability(BayesianRateSpec spec, BetaBinomialPosterior experimental, BetaBinomialPosterior control,
        int experimentalSuccesses, int experimentalEvaluable, int controlSuccesses, int controlEvaluable, PosteriorProbabilityCache? cache)
    {
        if (cache is not null && cache.TryGet(experimentalSuccesses, experimentalEvaluable, controlSuccesses, controlEvaluable, out double probability))
            return probability;
        probability = BetaBinomialPosterior.ProbabilityExceeds(experimental.A, experimental.B, control.A, control.B, spec.Margin);
        cache?.Add(experimentalSuccesses, experimentalEvaluable, controlSuccesses, controlEvaluable, probability);
        return probability;
    }
}

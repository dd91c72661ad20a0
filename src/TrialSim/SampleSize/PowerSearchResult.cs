namespace TrialSim.SampleSize;

/// <summary>The outcome of <see cref="PowerSearch.Smallest"/>.</summary>
/// <param name="Found">The smallest value whose power reached the target; null when none in range did.</param>
/// <param name="Below">The power one step below <see cref="Found"/> (null when Found is the first value or null).</param>
/// <param name="Resolved">Both powers lie at least <see cref="PowerSearch.DecisiveZ"/> MCSEs from the target, so
/// Monte Carlo error does not decide the answer.</param>
/// <param name="Best">The highest power seen (the answer to "how close did we get" when nothing reached the target).</param>
/// <param name="NonMonotone">A larger value than Found had power below the target (e.g. the saw-tooth of exact binomial power).</param>
public sealed record PowerSearchResult(PowerEstimate? Found, PowerEstimate? Below, bool Resolved, PowerEstimate Best, bool NonMonotone, int Evaluations);

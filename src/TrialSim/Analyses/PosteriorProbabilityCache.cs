using System.Collections.Concurrent;

namespace TrialSim.Analyses;

/// <summary>
/// Memo of the Bayesian rule's posterior probability for one analysis, keyed by the counts it
/// depends on (successes and evaluable patients per arm). A trial of 50 patients has a few
/// hundred possible count pairs, so after the first trials every probability is a lookup instead
/// of a quadrature. Thread-safe; a hit allocates nothing; the function is deterministic, so which
/// thread computes an entry does not change a bit of the output.
/// </summary>
public sealed class PosteriorProbabilityCache
{
    private readonly ConcurrentDictionary<(int, int, int, int), double> _probabilities = new();

    public bool TryGet(int experimentalSuccesses, int experimentalEvaluable, int controlSuccesses, int controlEvaluable, out double probability) =>
        _probabilities.TryGetValue((experimentalSuccesses, experimentalEvaluable, controlSuccesses, controlEvaluable), out probability);

    public void Add(int experimentalSuccesses, int experimentalEvaluable, int controlSuccesses, int controlEvaluable, double probability) =>
        _probabilities.TryAdd((experimentalSuccesses, experimentalEvaluable, controlSuccesses, controlEvaluable), probability);

    public int Count => _probabilities.Count;
}

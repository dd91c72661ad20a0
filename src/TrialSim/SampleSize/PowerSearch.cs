namespace TrialSim.SampleSize;

/// <summary>
/// Finds the smallest value of a design parameter (sample size, events, accrual months) whose
/// simulated power reaches a target, allowing for Monte Carlo error.
/// </summary>
/// <remarks>
/// Powers are simulated with common random numbers (replicate i is the same trial at every value),
/// so neighbouring powers differ smoothly. Short candidate lists are evaluated in full (power can
/// be non-monotone, as exact binomial power is); long ones are bisected, assuming monotone power.
/// When the answer or the value below it lies within <see cref="DecisiveZ"/> MCSEs of the target,
/// the replicates are doubled and the search repeated, up to the given maximum, re-simulating
/// only the values whose power is still within 3 MCSEs of the target.
/// </remarks>
public static class PowerSearch
{
    public const double DecisiveZ = 2;
    public const int ExhaustiveLimit = 64;

    /// <summary>Estimates this many MCSEs or more from the target are kept when the replicates double.</summary>
    private const double RetainZ = 3;

    /// <param name="values">Candidate values in increasing order.</param>
    /// <param name="evaluate">Simulated power at candidate index i with the given replicates.</param>
    public static PowerSearchResult Smallest(
        IReadOnlyList<double> values, double target, int replicates, int maxReplicates, Func<int, int, PowerEstimate> evaluate)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(evaluate);
        if (values.Count == 0) throw new ArgumentException("no candidate values", nameof(values));
        for (int i = 1; i < values.Count; i++)
            if (!(values[i] > values[i - 1])) throw new ArgumentException("candidate values must increase", nameof(values));
        if (!(target > 0 && target < 1)) throw new ArgumentOutOfRangeException(nameof(target), target, "the target power must be between 0 and 1");
        if (replicates <= 0 || maxReplicates < replicates) throw new ArgumentOutOfRangeException(nameof(maxReplicates), "need 0 < replicates <= max replicates");

        int evaluations = 0;
        var cache = new Dictionary<int, PowerEstimate>();
        PowerEstimate At(int i)
        {
            if (!cache.TryGetValue(i, out var estimate))
            {
                cache[i] = estimate = evaluate(i, replicates);
                evaluations++;
            }
            return estimate;
        }
        while (true)
        {
            int found = values.Count <= ExhaustiveLimit ? FirstReaching(values.Count, target, At) : Bisect(values.Count, target, At);
            var best = cache.Values.MaxBy(e => e.Power)!;
            if (found < 0) return new PowerSearchResult(null, null, true, best, false, evaluations);
            var reached = At(found);
            var below = found > 0 ? At(found - 1) : null;
            bool nonMonotone = cache.Any(pair => pair.Key > found && pair.Value.Power < target);
            bool resolved = reached.ZFrom(target) >= DecisiveZ && (below is null || below.ZFrom(target) <= -DecisiveZ);
            if (resolved || replicates > maxReplicates / 2)
                return new PowerSearchResult(reached, below, resolved, best, nonMonotone, evaluations);
            replicates *= 2;
            // Only powers Monte Carlo error could still move across the target are simulated again.
            foreach (int i in cache.Where(pair => Math.Abs(pair.Value.ZFrom(target)) < RetainZ).Select(pair => pair.Key).ToList()) cache.Remove(i);
        }
    }

    private static int FirstReaching(int count, double target, Func<int, PowerEstimate> at)
    {
        int first = -1;
        for (int i = count - 1; i >= 0; i--) if (at(i).Power >= target) first = i;
        return first;
    }

    private static int Bisect(int count, double target, Func<int, PowerEstimate> at)
    {
        if (at(count - 1).Power < target) return -1;
        int low = -1, high = count - 1; // power(low) < target (or low is before the range); power(high) >= target
        while (high - low > 1)
        {
            int middle = (low + high) / 2;
            if (at(middle).Power >= target) high = middle;
            else low = middle;
        }
        return high;
    }
}

using TrialSim.Distributions;

namespace TrialSim.Scenarios;

/// <summary>
/// What happens at progression in an arm that stopped the drug: it is restarted when progression
/// is seen; the patient responds with <paramref name="ResponseProbability"/> (BFR14: about 0.92) and
/// a responder's second progression-free time (PFS2, from the restart) follows
/// <paramref name="ProgressionAfterRestart"/>. A non-responder progresses again at the next scan.
/// </summary>
public sealed record Rechallenge(double ResponseProbability, EventTimeModel ProgressionAfterRestart);

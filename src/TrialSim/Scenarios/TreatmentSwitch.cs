using TrialSim.Distributions;

namespace TrialSim.Scenarios;

/// <summary>
/// Stopping the drug for toxicity in an arm that continues it: the time to stopping follows
/// <paramref name="TimeToStop"/>; from then on, the patient's progression follows the progression model of
/// the arm <paramref name="ToArm"/> (its index), with the clock starting at the stop.
/// </summary>
public sealed record TreatmentSwitch(EventTimeModel TimeToStop, int ToArm);

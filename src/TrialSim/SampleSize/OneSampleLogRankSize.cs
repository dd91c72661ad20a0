namespace TrialSim.SampleSize;

/// <summary>The sample size of a one-sample log-rank test (<see cref="OneSampleLogRankSampleSize"/>).</summary>
/// <param name="Patients">Patients to enrol: the formula's real value and its ceiling.</param>
/// <param name="EventProbability">p1, the probability that a patient's event is observed by the analysis
/// under the alternative.</param>
/// <param name="ExpectedEvents">Expected observed events under the alternative among
/// <see cref="RequiredCount.Ceiling"/> patients: Ceiling x p1.</param>
public readonly record struct OneSampleLogRankSize(RequiredCount Patients, double EventProbability, double ExpectedEvents);

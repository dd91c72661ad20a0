namespace TrialSim.Running;

/// <summary>How far a run has got, counting only the work this run does (not resumed or other shards' units).</summary>
public readonly record struct RunProgress(long TrialsDone, long TrialsTotal, int PointsDone, int PointsTotal);

namespace TrialSim.Cohorts;

/// <summary>A treatment arm and its allocation weight (1:1 is two arms of ratio 1; 2:1 is ratios 2 and 1).</summary>
public sealed record Arm(string Name, int Ratio);

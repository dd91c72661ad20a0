namespace TrialSim.Reports;

/// <summary>A per-trial quantity over the simulated trials: mean with its Monte Carlo standard
/// error and quantiles (the <c>NAME_mean</c>, <c>_mcse</c>, <c>_p05</c> ... <c>_p95</c> columns).</summary>
public readonly record struct QuantileSummary(double Mean, double Mcse, double P05, double P25, double P50, double P75, double P95);

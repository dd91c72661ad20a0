namespace TrialSim.Aggregation;

/// <summary>Mean with its Monte Carlo standard error, and quantiles, of a per-trial quantity.</summary>
public readonly record struct DistributionSummary(double Mean, double MeanMcse, double P05, double P25, double P50, double P75, double P95)
{
    public static DistributionSummary From(in RunningMoments moments, IntegerHistogram histogram) =>
        new(moments.MeanOrNaN, moments.StandardError, histogram.Quantile(0.05), histogram.Quantile(0.25),
            histogram.Quantile(0.5), histogram.Quantile(0.75), histogram.Quantile(0.95));

    public static DistributionSummary From(in RunningMoments moments, QuantileSketch sketch) =>
        new(moments.MeanOrNaN, moments.StandardError, sketch.Quantile(0.05), sketch.Quantile(0.25),
            sketch.Quantile(0.5), sketch.Quantile(0.75), sketch.Quantile(0.95));
}

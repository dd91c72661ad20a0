using System.Globalization;

namespace TrialSim.Distributions;

/// <summary>Constant hazard <see cref="Rate"/> per month: S(t) = exp(-rate t).</summary>
public sealed record ExponentialModel : EventTimeModel
{
    public double Rate { get; }

    public ExponentialModel(double rate)
    {
        RequirePositiveFinite(rate, nameof(rate));
        Rate = rate;
    }

    /// <summary>The exponential with the given median (months): rate = log 2 / median.</summary>
    public static ExponentialModel WithMedian(double median)
    {
        RequirePositiveFinite(median, nameof(median));
        return new ExponentialModel(Math.Log(2) / median);
    }

    /// <summary>The exponential through one landmark S(time) = survival.</summary>
    public static ExponentialModel ThroughLandmark(double time, double survival)
    {
        RequirePositiveFinite(time, nameof(time));
        if (!(survival > 0 && survival < 1)) throw new ArgumentOutOfRangeException(nameof(survival), survival, "survival must lie strictly between 0 and 1");
        return new ExponentialModel(-Math.Log(survival) / time);
    }

    public override double Survival(double time) => time <= 0 ? 1.0 : Math.Exp(-Rate * time);
    public override double Hazard(double time) => Rate;
    public override double CumulativeHazard(double time) => time <= 0 ? 0.0 : Rate * time;
    public override double InverseSurvival(double survival) =>
        survival >= 1 ? 0.0 : survival <= 0 ? double.PositiveInfinity : -Math.Log(survival) / Rate;
    public override bool IsExponential => true;
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"exponential(rate {Rate:G6}/month, median {Median:G4})");
}

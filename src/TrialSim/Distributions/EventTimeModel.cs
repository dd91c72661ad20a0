using TrialSim.Running;

namespace TrialSim.Distributions;

/// <summary>
/// A distribution of time to an event (months), described by its survival function. Every
/// model samples by inversion of S, from one uniform per draw, so a patient's draw is a
/// monotone function of its random number: common random numbers carry across models.
/// </summary>
public abstract record EventTimeModel
{
    /// <summary>S(t) = P(T &gt; t), t in months.</summary>
    public abstract double Survival(double time);

    /// <summary>Hazard h(t) per month.</summary>
    public abstract double Hazard(double time);

    /// <summary>Cumulative hazard H(t) = -log S(t).</summary>
    public virtual double CumulativeHazard(double time) => -Math.Log(Survival(time));

    /// <summary>The time t with S(t) = <paramref name="survival"/>; +infinity where S never falls
    /// that low (a cure fraction at or above it).</summary>
    public abstract double InverseSurvival(double survival);

    /// <summary>Quantile of the event time: smallest t with P(T &lt;= t) &gt;= p.</summary>
    public double Quantile(double probability) => InverseSurvival(1.0 - probability);

    /// <summary>Median event time (months); +infinity when S stays above 0.5.</summary>
    public double Median => InverseSurvival(0.5);

    /// <summary>One event time by inversion of a single open-unit uniform.</summary>
    public double Sample(ref RandomStream stream) => InverseSurvival(stream.NextOpenUnit());

    /// <summary>Fills <paramref name="destination"/> with independent event times.</summary>
    public void Sample(ref RandomStream stream, Span<double> destination)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = InverseSurvival(stream.NextOpenUnit());
    }

    /// <summary>True when the hazard is constant (so a hazard ratio against an exponential is defined).</summary>
    public virtual bool IsExponential => false;

    /// <summary>A short human-readable description, for tables and Parquet metadata.</summary>
    public abstract string Describe();

    internal static void RequirePositiveFinite(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive finite number");
    }
}

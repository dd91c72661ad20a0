using System.Globalization;

namespace TrialSim.Distributions;

/// <summary>Weibull: S(t) = exp(-(t / scale)^shape). Shape &lt; 1 gives a decreasing hazard.</summary>
public sealed record WeibullModel : EventTimeModel
{
    public double Shape { get; }
    /// <summary>Scale in months.</summary>
    public double Scale { get; }

    public WeibullModel(double shape, double scale)
    {
        RequirePositiveFinite(shape, nameof(shape));
        RequirePositiveFinite(scale, nameof(scale));
        Shape = shape;
        Scale = scale;
    }

    /// <summary>The Weibull through two landmarks S(t1) = s1, S(t2) = s2 (closed form: log(-log S)
    /// is linear in log t with slope shape).</summary>
    public static WeibullModel ThroughLandmarks(double time1, double survival1, double time2, double survival2)
    {
        if (!(time1 > 0) || !(time2 > 0) || double.IsInfinity(time1) || double.IsInfinity(time2)
            || !(survival1 > 0 && survival1 < 1) || !(survival2 > 0 && survival2 < 1))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Weibull landmarks need finite times above 0 and survivals strictly between 0 and 1 (got S({time1}) = {survival1}, S({time2}) = {survival2})"));
        double y1 = Math.Log(-Math.Log(survival1)), y2 = Math.Log(-Math.Log(survival2));
        double shape = (y2 - y1) / (Math.Log(time2) - Math.Log(time1));
        if (!(shape > 0) || double.IsInfinity(shape))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"no Weibull passes through S({time1}) = {survival1} and S({time2}) = {survival2}: survival must fall as time grows"));
        double scale = time1 / Math.Exp(y1 / shape);
        return new WeibullModel(shape, scale);
    }

    public override double Survival(double time) => time <= 0 ? 1.0 : Math.Exp(-Math.Pow(time / Scale, Shape));
    public override double CumulativeHazard(double time) => time <= 0 ? 0.0 : Math.Pow(time / Scale, Shape);
    public override double Hazard(double time) =>
        time <= 0 ? (Shape < 1 ? double.PositiveInfinity : Shape == 1 ? 1 / Scale : 0) : Shape / Scale * Math.Pow(time / Scale, Shape - 1);
    public override double InverseSurvival(double survival) =>
        survival >= 1 ? 0.0 : survival <= 0 ? double.PositiveInfinity : Scale * Math.Pow(-Math.Log(survival), 1.0 / Shape);
    public override bool IsExponential => Shape == 1;
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"weibull(shape {Shape:G4}, scale {Scale:G5} months)");
}

using System.Globalization;
using MathNet.Numerics.RootFinding;

namespace TrialSim.Distributions;

/// <summary>
/// Cure-fraction mixture: S(t) = pi + (1 - pi) S_u(t). A fraction <see cref="CureFraction"/> never
/// has the event; the rest follow <see cref="Susceptible"/>.
/// </summary>
public sealed record CureMixtureModel : EventTimeModel
{
    public double CureFraction { get; }
    public EventTimeModel Susceptible { get; }

    public CureMixtureModel(double cureFraction, EventTimeModel susceptible)
    {
        if (!(cureFraction >= 0 && cureFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(cureFraction), cureFraction, "cure fraction must lie in [0, 1)");
        CureFraction = cureFraction;
        Susceptible = susceptible ?? throw new ArgumentNullException(nameof(susceptible));
    }

    /// <summary>
    /// The cure mixture with exponential susceptibles through two landmarks S(t1) = s1, S(t2) = s2
    /// (t1 &lt; t2). Eliminates pi from the first equation and solves the second for the rate by
    /// bracketing root finding.
    /// </summary>
    public static CureMixtureModel ThroughLandmarks(double time1, double survival1, double time2, double survival2)
    {
        if (time1 > time2) (time1, survival1, time2, survival2) = (time2, survival2, time1, survival1);
        if (!(time1 > 0) || !(time2 > time1) || !(survival1 > 0 && survival1 < 1) || !(survival2 > 0 && survival2 < survival1))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"cure-mixture landmarks need 0 < t1 < t2 and 1 > S(t1) > S(t2) > 0 (got S({time1}) = {survival1}, S({time2}) = {survival2})"));
        // pi(rate) from landmark 1. At the exponential through landmark 1 (pi = 0) the mixture's
        // S(t2) is the exponential extrapolation; as rate grows, pi -> s1 and S(t2) -> s1 > s2.
        // So a root exists exactly when s2 lies above the exponential extrapolation (the curve
        // flattens, which is what a cure fraction means).
        double Pi(double rate)
        {
            double e1 = Math.Exp(-rate * time1);
            return (survival1 - e1) / (1 - e1);
        }
        double G(double rate)
        {
            double pi = Pi(rate);
            return pi + (1 - pi) * Math.Exp(-rate * time2) - survival2;
        }
        double low = -Math.Log(survival1) / time1;
        double gLow = G(low);
        if (gLow > 0)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"no cure mixture passes through S({time1}) = {survival1} and S({time2}) = {survival2}: a cure fraction needs S({time2}) above the exponential extrapolation {Math.Exp(-low * time2):G4} (use a Weibull with shape > 1 or a piecewise model)"));
        if (gLow == 0) return new CureMixtureModel(0, new ExponentialModel(low));
        double high = low * 2;
        int guard = 0;
        while (G(high) < 0)
        {
            high *= 2;
            if (++guard > 200) throw new ArgumentException("no cure mixture passes through these landmarks");
        }
        double rate = Brent.FindRoot(G, low, high, 1e-14, 500);
        return new CureMixtureModel(Pi(rate), new ExponentialModel(rate));
    }

    public override double Survival(double time) => CureFraction + (1 - CureFraction) * Susceptible.Survival(time);

    public override double Hazard(double time)
    {
        double su = Susceptible.Survival(time);
        double s = CureFraction + (1 - CureFraction) * su;
        return (1 - CureFraction) * su * Susceptible.Hazard(time) / s;
    }

    public override double InverseSurvival(double survival)
    {
        if (survival >= 1) return 0.0;
        if (survival <= CureFraction) return double.PositiveInfinity;
        return Susceptible.InverseSurvival((survival - CureFraction) / (1 - CureFraction));
    }

    public override bool IsExponential => CureFraction == 0 && Susceptible.IsExponential;

    public override string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"cure-mixture(cure fraction {CureFraction:G4}, susceptible {Susceptible.Describe()})");
}

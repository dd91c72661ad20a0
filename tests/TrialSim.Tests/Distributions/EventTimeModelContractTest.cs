using TrialSim.Distributions;
using TrialSim.Running;

namespace TrialSim.Tests.Distributions;

/// <summary>
/// One contract run over every event-time model (after MathNet's CommonDistributionTests): the
/// survival, hazard, inverse and sampler of each model must agree with one another.
/// </summary>
public class EventTimeModelContractTest
{
    private static readonly Dictionary<string, EventTimeModel> Models = new()
    {
        // SSG XXV H0 as an exponential.
        ["exponential"] = new ExponentialModel(0.0527),
        // SSG XXV decreasing-hazard alternative.
        ["weibull"] = new WeibullModel(0.5, 47.8),
        ["piecewise"] = new PiecewiseExponentialModel([6, 24], [0.1, 0.03, 0.01]),
        // A zero final rate: survival plateaus at exp(-(0.6 + 0.54)) after 24 months.
        ["piecewise-plateau"] = new PiecewiseExponentialModel([6, 24], [0.1, 0.03, 0.0]),
        // SSG XXV fit through median 23 and S(36) = 0.42.
        ["cure-exponential"] = new CureMixtureModel(0.362, new ExponentialModel(0.0665)),
        ["cure-weibull"] = new CureMixtureModel(0.2, new WeibullModel(1.5, 10)),
    };

    public static TheoryData<string> ModelNames => [.. Models.Keys];

    private static readonly double[] Times = [0.5, 3, 9.7, 17, 30, 50, 100];

    /// <summary>The survival below which the model's S never reaches (0 without a cure fraction).</summary>
    private static double Floor(EventTimeModel model) => model switch
    {
        CureMixtureModel cure => cure.CureFraction,
        PiecewiseExponentialModel { Rates: var rates } piecewise when rates[^1] == 0 =>
            piecewise.Survival(piecewise.Starts[^1]),
        _ => 0,
    };

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Survival_StartsAtOneAndNeverIncreases(string name)
    {
        var model = Models[name];
        Assert.Equal(1.0, model.Survival(0));
        double previous = 1;
        for (double t = 0; t <= 200; t += 0.25)
        {
            double s = model.Survival(t);
            Assert.True(s <= previous, $"S({t}) = {s} > S({t - 0.25}) = {previous}");
            Assert.InRange(s, 0, 1);
            previous = s;
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void InverseSurvival_InvertsSurvival(string name)
    {
        var model = Models[name];
        double floor = Floor(model);
        Assert.Equal(0.0, model.InverseSurvival(1));
        foreach (double u in new[] { 0.999, 0.99, 0.9, 0.75, 0.6, 0.5, 0.42, 0.37, 0.3, 0.2, 0.1, 0.01, 1e-6 })
        {
            double t = model.InverseSurvival(u);
            if (u < floor || (u == floor && model is CureMixtureModel))
                Assert.Equal(double.PositiveInfinity, t);
            else
                Assert.Equal(u, model.Survival(t), 1e-12);
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void InverseSurvival_AtTheCureFractionIsInfinite(string name)
    {
        var model = Models[name];
        if (model is not CureMixtureModel cure) return;
        // S(t) > pi for every finite t, so no finite time has S(t) <= pi.
        Assert.Equal(double.PositiveInfinity, model.InverseSurvival(cure.CureFraction));
        Assert.Equal(double.PositiveInfinity, model.InverseSurvival(cure.CureFraction / 2));
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void CumulativeHazard_IsMinusLogSurvival(string name)
    {
        var model = Models[name];
        Assert.Equal(0.0, model.CumulativeHazard(0));
        foreach (double t in Times)
            Assert.Equal(-Math.Log(model.Survival(t)), model.CumulativeHazard(t), 1e-12);
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Hazard_IsTheDerivativeOfTheCumulativeHazard(string name)
    {
        var model = Models[name];
        // The grid avoids the piecewise breaks (6, 24) by far more than the step.
        foreach (double t in Times)
        {
            double step = 1e-4 * t;
            double numerical = (model.CumulativeHazard(t + step) - model.CumulativeHazard(t - step)) / (2 * step);
            double hazard = model.Hazard(t);
            // Beside the 1e-6 relative target, allow the difference quotient's own rounding
            // error, a few ulps of H over the step: where S has flattened onto a cure fraction
            // the hazard (~1e-14 for cure-weibull at 100) is below that floor.
            double roundingFloor = 8 * 2.2e-16 /* machine epsilon */ * Math.Abs(model.CumulativeHazard(t)) / step;
            Assert.True(Math.Abs(numerical - hazard) <= 1e-6 * Math.Abs(hazard) + roundingFloor,
                $"h({t}) = {hazard}, numerical {numerical}");
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void MedianAndQuantile_AgreeWithSurvival(string name)
    {
        var model = Models[name];
        Assert.Equal(model.InverseSurvival(0.5), model.Median);
        Assert.Equal(0.5, model.Survival(model.Median), 1e-12);
        double previous = 0;
        foreach (double p in new[] { 0.01, 0.1, 0.25, 0.5, 0.6 })
        {
            double q = model.Quantile(p);
            if (1 - p <= Floor(model)) continue;
            Assert.Equal(1 - p, model.Survival(q), 1e-12);
            Assert.True(q > previous, $"quantile({p}) = {q} not above {previous}");
            previous = q;
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Sample_EmpiricalSurvivalWithinThreeStandardErrors(string name)
    {
        const int n = 200_000;
        var model = Models[name];
        var times = new double[n];
        // One fixed seed for every model, chosen once (SSG XXV's first enrolment date).
        var stream = new RandomStream(20170105, 0, 0, 0);
        model.Sample(ref stream, times);
        foreach (double t in new[] { 6.0, 12, 36, 60 })
        {
            int survivors = 0;
            foreach (double x in times) if (x > t) survivors++;
            double empirical = (double)survivors / n, s = model.Survival(t);
            double standardError = Math.Sqrt(s * (1 - s) / n);
            Assert.True(Math.Abs(empirical - s) <= 3 * standardError,
                $"{name}: empirical S({t}) = {empirical:F5}, model {s:F5}, 3 SE = {3 * standardError:F5}");
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Sample_SingleDrawIsTheInverseOfTheStreamsUniform(string name)
    {
        // Sampling by inversion of one uniform per draw is what makes common random numbers carry
        // across models, so pin it down.
        var model = Models[name];
        var sampler = new RandomStream(99, 1, 2, 3);
        var uniforms = new RandomStream(99, 1, 2, 3);
        for (int i = 0; i < 100; i++)
            Assert.Equal(model.InverseSurvival(uniforms.NextOpenUnit()), model.Sample(ref sampler));
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Describe_NamesTheModel(string name)
    {
        string text = Models[name].Describe();
        Assert.StartsWith(name.Split('-')[0], text);
    }
}

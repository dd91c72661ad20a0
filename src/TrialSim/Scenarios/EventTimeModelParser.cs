using TrialSim.Distributions;

namespace TrialSim.Scenarios;

/// <summary>
/// Reads an event-time model: a mapping with exactly one key naming the family, whose value gives
/// either the parameters or landmarks to fit through (using the models' own factories).
/// </summary>
internal static class EventTimeModelParser
{
    private static readonly string[] Families = ["exponential", "weibull", "piecewise_exponential", "cure_mixture"];

    public const string Form = "exactly one of exponential, weibull, piecewise_exponential, cure_mixture, e.g. {exponential: {rate: 0.05}}";
    private const string RateForm = "a hazard rate per month > 0";

    public static EventTimeModel Parse(ScenarioNode node)
    {
        var map = node.AsMap(Form, Families);
        string family = map.ChooseOne(Form, Families);
        var body = map.Get(family)!.Value;
        return family switch
        {
            "exponential" => Exponential(body),
            "weibull" => Weibull(body),
            "piecewise_exponential" => PiecewiseExponential(body),
            _ => CureMixture(body),
        };
    }

    private static EventTimeModel Exponential(ScenarioNode node)
    {
        const string form = "{rate: R} or {median: M} or {survival: {time: T, value: S}}";
        var map = node.AsMap(form, ["rate", "median", "survival"]);
        switch (map.ChooseOne(form, "rate", "median", "survival"))
        {
            case "rate":
                return new ExponentialModel(map.Get("rate")!.Value.AsPositive(RateForm));
            case "median":
                return ExponentialModel.WithMedian(map.Get("median")!.Value.AsPositive("a median > 0 months"));
            default:
                const string pointForm = "{time: T, value: S} with T > 0 months and S in (0, 1)";
                var point = map.Get("survival")!.Value.AsMap(pointForm, ["time", "value"]);
                double time = point.Require("time", pointForm).AsPositive("a time > 0 months");
                double value = point.Require("value", pointForm)
                    .AsNumberWhere("a survival probability in (0, 1)", s => s > 0 && s < 1, "is not strictly between 0 and 1");
                return ExponentialModel.ThroughLandmark(time, value);
        }
    }

    private static EventTimeModel Weibull(ScenarioNode node)
    {
        const string form = "{shape: K, scale: L} or {landmarks: [two landmarks]}";
        var map = node.AsMap(form, ["shape", "scale", "landmarks"]);
        if (map.HasInsteadOf("landmarks", ["shape", "scale"], form))
        {
            var landmarksNode = map.Get("landmarks")!.Value;
            var landmarks = Landmark.ParseList(landmarksNode, 2);
            return landmarksNode.Construct("two landmarks with survival falling over time",
                () => WeibullModel.ThroughLandmarks(landmarks[0].Time, landmarks[0].Survival, landmarks[1].Time, landmarks[1].Survival));
        }
        double shape = map.Require("shape", form).AsPositive("a shape > 0");
        double scale = map.Require("scale", form).AsPositive("a scale > 0 months");
        return new WeibullModel(shape, scale);
    }

    private static EventTimeModel PiecewiseExponential(ScenarioNode node)
    {
        const string form = "{breaks: [b1, ...], rates: [r0, r1, ...]} (one more rate than breaks) or {landmarks: [...]}";
        var map = node.AsMap(form, ["breaks", "rates", "landmarks"]);
        if (map.HasInsteadOf("landmarks", ["breaks", "rates"], form))
        {
            var landmarksNode = map.Get("landmarks")!.Value;
            var landmarks = Landmark.ParseList(landmarksNode, null);
            return landmarksNode.Construct("landmarks with survival not increasing over time",
                () => PiecewiseExponentialModel.ThroughLandmarks(landmarks.Select(l => l.Time).ToArray(), landmarks.Select(l => l.Survival).ToArray()));
        }
        var breaks = new List<double>();
        foreach (var item in map.Require("breaks", form).AsList("a list of break times (months), possibly empty"))
        {
            double value = item.AsPositive("a break time > 0 months");
            if (breaks.Count > 0 && !(value > breaks[^1])) throw item.Error("break times do not increase", "break times in strictly increasing order");
            breaks.Add(value);
        }
        var ratesNode = map.Require("rates", form);
        var rates = ratesNode.AsList("a list of hazard rates per month").Select(r => r.AsNonNegative("a hazard rate per month >= 0")).ToArray();
        if (rates.Length != breaks.Count + 1)
            throw ratesNode.Error($"{rates.Length} rates for {breaks.Count} breaks", $"{breaks.Count + 1} rates (one more than breaks)");
        return ratesNode.Construct(form, () => new PiecewiseExponentialModel(breaks, rates));
    }

    private static EventTimeModel CureMixture(ScenarioNode node)
    {
        const string form = "{cure_fraction: P, susceptible: <model>} or {landmarks: [two landmarks]}";
        var map = node.AsMap(form, ["cure_fraction", "susceptible", "landmarks"]);
        if (map.HasInsteadOf("landmarks", ["cure_fraction", "susceptible"], form))
        {
            var landmarksNode = map.Get("landmarks")!.Value;
            var landmarks = Landmark.ParseList(landmarksNode, 2);
            return landmarksNode.Construct(
                "two landmarks with the later survival above the exponential extrapolation through the first (a curve that flattens)",
                () => CureMixtureModel.ThroughLandmarks(landmarks[0].Time, landmarks[0].Survival, landmarks[1].Time, landmarks[1].Survival));
        }
        double cureFraction = map.Require("cure_fraction", form)
            .AsNumberWhere("a cure fraction in [0, 1)", p => p >= 0 && p < 1, "is not in [0, 1)");
        var susceptible = Parse(map.Require("susceptible", form));
        return new CureMixtureModel(cureFraction, susceptible);
    }
}

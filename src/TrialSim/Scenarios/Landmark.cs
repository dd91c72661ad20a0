namespace TrialSim.Scenarios;

/// <summary>
/// A point S(<paramref name="Time"/>) = <paramref name="Survival"/> that a model is fitted
/// through. Written <c>{time: T, survival: S}</c>, or <c>{median: M}</c> for S(M) = 0.5.
/// </summary>
internal readonly record struct Landmark(double Time, double Survival)
{
    public const string Form = "{time: T, survival: S} with T > 0 months and S in (0, 1), or {median: M}";

    public static Landmark Parse(ScenarioNode node)
    {
        var map = node.AsMap(Form, ["time", "survival", "median"]);
        if (map.HasInsteadOf("median", ["time", "survival"], Form))
            return new Landmark(map.Get("median")!.Value.AsPositive("a median > 0 months"), 0.5);
        double time = map.Require("time", Form).AsPositive("a time > 0 months");
        double survival = map.Require("survival", Form)
            .AsNumberWhere("a survival probability in (0, 1)", s => s > 0 && s < 1, "is not strictly between 0 and 1");
        return new Landmark(time, survival);
    }

    /// <summary>A list of landmarks with strictly increasing times; <paramref name="count"/>, when
    /// given, is the exact number required.</summary>
    public static IReadOnlyList<Landmark> ParseList(ScenarioNode node, int? count)
    {
        string form = count is int n ? $"a list of {n} landmarks, each {Form}" : $"a non-empty list of landmarks, each {Form}";
        var items = node.AsList(form);
        if (count is int exact ? items.Count != exact : items.Count == 0)
            throw node.Error($"has {items.Count} landmarks", form);
        var landmarks = new List<Landmark>(items.Count);
        foreach (var item in items)
        {
            var landmark = Parse(item);
            if (landmarks.Count > 0 && !(landmark.Time > landmarks[^1].Time))
                throw item.Error("landmark times do not increase", "landmarks in strictly increasing order of time");
            landmarks.Add(landmark);
        }
        return landmarks;
    }
}

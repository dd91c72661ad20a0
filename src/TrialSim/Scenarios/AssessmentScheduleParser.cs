using TrialSim.Cohorts;

namespace TrialSim.Scenarios;

/// <summary>
/// Reads <c>assessments:</c>, when progression can be seen: continuously, at scans built from a
/// first scan and segments (SSG XXV: first 2, then every 3 until 12, every 4 until 36, every 6
/// until 60), or at listed visits; optionally every <c>thereafter</c> months after the last.
/// </summary>
internal static class AssessmentScheduleParser
{
    public const string Form = "{continuous: true} or {first: months, then: [{every, until}, ...], thereafter: months | none} or {visits: [months, ...], thereafter: months | none}";
    private static readonly string[] Keys = ["continuous", "first", "then", "visits", "thereafter"];

    public static AssessmentSchedule Parse(ScenarioNode node)
    {
        var map = node.AsMap(Form, Keys);
        string kind = map.ChooseOne(Form, "continuous", "first", "visits");
        if (kind == "continuous")
        {
            var flag = map.Get("continuous")!.Value;
            if (!flag.AsBoolean("continuous: true")) throw flag.Error("continuous: false names no schedule", "continuous: true, or first/then or visits");
            foreach (string other in new[] { "then", "thereafter" })
                if (map.Get(other) is ScenarioNode extra) throw extra.Error($"'{other}' does not apply to continuous assessment", "continuous: true alone");
            return AssessmentSchedule.Continuous;
        }
        double thereafter = Thereafter(map.Get("thereafter"));
        if (kind == "visits")
        {
            if (map.Get("then") is ScenarioNode then) throw then.Error("'then' does not apply to listed visits", "'then' only with 'first'");
            var visitsNode = map.Get("visits")!.Value;
            var visits = new List<double>();
            foreach (var item in visitsNode.AsList("a list of visit times (months)"))
            {
                double time = item.AsPositive("a visit time > 0 months");
                if (visits.Count > 0 && !(time > visits[^1])) throw item.Error("visit times do not increase", "visit times in strictly increasing order");
                visits.Add(time);
            }
            if (visits.Count == 0) throw visitsNode.Error("no visits", "at least one visit time");
            return visitsNode.Construct(Form, () => new AssessmentSchedule(visits, thereafter));
        }
        var firstNode = map.Get("first")!.Value;
        double first = firstNode.AsPositive("a first scan time > 0 months");
        var segments = new List<(double Every, double Until)>();
        if (map.Get("then") is ScenarioNode thenNode)
        {
            const string segmentForm = "{every: months > 0, until: months > 0}";
            foreach (var item in thenNode.AsList("a list of " + segmentForm))
            {
                var segment = item.AsMap(segmentForm, ["every", "until"]);
                double every = segment.Require("every", segmentForm).AsPositive("an interval > 0 months");
                double until = segment.Require("until", segmentForm).AsPositive("a time > 0 months");
                segments.Add((every, until));
            }
        }
        return firstNode.Construct(Form, () => AssessmentSchedule.FromSegments(first, segments, thereafter));
    }

    /// <summary>The interval after the last scan: a positive number, or 'none' (the default) for no more scans.</summary>
    private static double Thereafter(ScenarioNode? node)
    {
        const string form = "an interval > 0 months, or none";
        if (node is not ScenarioNode value) return double.PositiveInfinity;
        if (value.Yaml is YamlDotNet.RepresentationModel.YamlScalarNode { Value: "none" }) return double.PositiveInfinity;
        return value.AsPositive(form);
    }
}

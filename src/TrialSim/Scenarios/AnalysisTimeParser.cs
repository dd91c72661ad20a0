using TrialSim.Conduct;

namespace TrialSim.Scenarios;

/// <summary>Reads <c>analysis_time:</c>, when the data are cut: a follow-up after the last
/// enrolment, a calendar time, an event count (with an optional calendar cap), or a number of
/// evaluable patients at a landmark.</summary>
internal static class AnalysisTimeParser
{
    public const string Form = "exactly one of {after_last_patient: months}, {calendar: months}, {events: N, max_calendar: months}, {evaluable: N, landmark: months}";

    public static AnalysisTime Parse(ScenarioNode node)
    {
        var map = node.AsMap(Form, ["after_last_patient", "calendar", "events", "max_calendar", "evaluable", "landmark"]);
        string kind = map.ChooseOne(Form, "after_last_patient", "calendar", "events", "evaluable");
        if (kind != "events" && map.Get("max_calendar") is ScenarioNode cap)
            throw cap.Error("'max_calendar' only applies to an event-driven analysis", "max_calendar only with events");
        if (kind != "evaluable" && map.Get("landmark") is ScenarioNode landmark)
            throw landmark.Error("'landmark' only applies to an analysis at a number of evaluable patients", "landmark only with evaluable");
        var value = map.Get(kind)!.Value;
        return kind switch
        {
            "after_last_patient" => new AfterLastPatient(value.AsPositive("a follow-up > 0 months after the last enrolment")),
            "calendar" => new AtCalendarTime(value.AsPositive("a calendar time > 0 months from the trial start")),
            "evaluable" => Evaluable(map, value, Form),
            _ => new AtEventCount(
                value.AsPositiveInt("a positive whole number of events"),
                map.Get("max_calendar")?.AsPositive("a calendar time > 0 months from the trial start")),
        };
    }

    /// <summary>{evaluable: N, landmark: months}: the first N analysed patients, in order of entry,
    /// whose status at the landmark is known. Shared with interim looks.</summary>
    public static AtEvaluable Evaluable(ScenarioMap map, ScenarioNode patients, string form) =>
        new(patients.AsPositiveInt("a positive whole number of evaluable patients"),
            map.Require("landmark", form).AsPositive("a landmark time > 0 months"));
}

using TrialSim.Conduct;

namespace TrialSim.Scenarios;

/// <summary>Reads <c>analysis_time:</c>, when the data are cut: a follow-up after the last
/// enrolment, a calendar time, or an event count (with an optional calendar cap).</summary>
internal static class AnalysisTimeParser
{
    public const string Form = "exactly one of {after_last_patient: months}, {calendar: months}, {events: N, max_calendar: months}";

    public static AnalysisTime Parse(ScenarioNode node)
    {
        var map = node.AsMap(Form, ["after_last_patient", "calendar", "events", "max_calendar"]);
        string kind = map.ChooseOne(Form, "after_last_patient", "calendar", "events");
        if (kind != "events" && map.Get("max_calendar") is ScenarioNode cap)
            throw cap.Error("'max_calendar' only applies to an event-driven analysis", "max_calendar only with events");
        var value = map.Get(kind)!.Value;
        return kind switch
        {
            "after_last_patient" => new AfterLastPatient(value.AsPositive("a follow-up > 0 months after the last enrolment")),
            "calendar" => new AtCalendarTime(value.AsPositive("a calendar time > 0 months from the trial start")),
            _ => new AtEventCount(
                value.AsPositiveInt("a positive whole number of events"),
                map.Get("max_calendar")?.AsPositive("a calendar time > 0 months from the trial start")),
        };
    }
}

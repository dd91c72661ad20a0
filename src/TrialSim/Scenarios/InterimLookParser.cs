using System.Collections.Immutable;
using TrialSim.Conduct;
using TrialSim.Decisions;
using static System.FormattableString;

namespace TrialSim.Scenarios;

/// <summary>
/// Reads <c>interim.looks</c>: 1 to 9 interim looks in the order they happen, each a fraction of
/// the planned information, an event count, a calendar time, an enrolment count or a number of
/// evaluable patients at a landmark. Looks of one kind must increase, and each must come before the
/// final analysis of its kind (events below the final event target, calendar times before a
/// calendar cut, patients within the accrual target).
/// </summary>
internal static class InterimLookParser
{
    /// <summary>Interim looks allowed: <see cref="InterimDesign.MaxLooks"/> counts the final analysis too.</summary>
    public const int MaxInterimLooks = InterimDesign.MaxLooks - 1;

    public const string LookForm =
        "exactly one of {information: fraction in (0, 1)}, {events: N}, {calendar: months}, {enrolled: patients}, {evaluable: N, landmark: months}";
    public static readonly string Form = $"a list of 1 to {MaxInterimLooks} interim looks in the order they happen, each {LookForm}";
    private static readonly string[] Kinds = ["information", "events", "calendar", "enrolled", "evaluable"];

    /// <param name="final">The final analysis time.</param>
    /// <param name="plannedInformation">planned_information, or the final event or evaluable target; null when neither is known.</param>
    /// <param name="accrualTarget">accrual.target, the most patients an enrolment or evaluable look can wait for.</param>
    public static ImmutableArray<AnalysisTime> Parse(ScenarioNode node, AnalysisTime final, double? plannedInformation, int accrualTarget)
    {
        var items = node.AsList(Form);
        if (items.Count == 0) throw node.Error("no interim looks", Form);
        if (items.Count > MaxInterimLooks)
            throw node.Error($"{items.Count} interim looks; with the final analysis at most {InterimDesign.MaxLooks} looks are supported", Form);
        var looks = ImmutableArray.CreateBuilder<AnalysisTime>(items.Count);
        var latest = new Dictionary<string, (double Value, int Index)>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            var map = items[i].AsMap(LookForm, [.. Kinds, "landmark"]);
            string kind = map.ChooseOne(LookForm, Kinds);
            if (kind != "evaluable" && map.Get("landmark") is ScenarioNode landmark)
                throw landmark.Error("'landmark' only applies to an evaluable look", "landmark only with evaluable");
            var value = map.Get(kind)!.Value;
            var (look, position) = ParseOne(kind, map, value, final, plannedInformation, accrualTarget);
            if (latest.TryGetValue(kind, out var before) && position <= before.Value)
                throw value.Error(Invariant($"{kind} {position} does not come after the {kind} {before.Value} of looks[{before.Index}]"),
                    $"looks of one kind in increasing order ({kind} strictly increasing)");
            latest[kind] = (position, i);
            looks.Add(look);
        }
        return looks.MoveToImmutable();
    }

    /// <summary>One look, and where it lies among looks of its kind.</summary>
    private static (AnalysisTime Look, double Position) ParseOne(string kind, ScenarioMap map, ScenarioNode value, AnalysisTime final, double? plannedInformation, int accrualTarget)
    {
        switch (kind)
        {
            case "information":
                double fraction = value.AsNumberWhere("an information fraction in (0, 1) of the planned information", f => f > 0 && f < 1, "is not strictly between 0 and 1");
                if (plannedInformation is null)
                    throw value.Error("an information look needs the planned information, but interim.planned_information is not given and the final analysis_time is neither events nor evaluable",
                        "interim.planned_information: N, or a final analysis_time of {events: N} or {evaluable: N, landmark: months}");
                return (new AtInformationFraction(fraction), fraction);
            case "events":
                int events = value.AsPositiveInt("a positive whole number of events");
                if (final is AtEventCount finalEvents && events >= finalEvents.Events)
                    throw value.Error($"an interim look at {events} events does not come before the final analysis at {finalEvents.Events} events",
                        $"an event count below analysis_time.events ({finalEvents.Events})");
                return (new AtEventCount(events, null), events);
            case "calendar":
                double time = value.AsPositive("a calendar time > 0 months from the trial start");
                if (final is AtCalendarTime finalTime && time >= finalTime.Time)
                    throw value.Error(Invariant($"an interim look at month {time} does not come before the final analysis at month {finalTime.Time}"),
                        Invariant($"a calendar time before analysis_time.calendar ({finalTime.Time} months)"));
                return (new AtCalendarTime(time), time);
            case "enrolled":
                int enrolled = value.AsPositiveInt("a positive whole number of patients enrolled");
                CheckWithinAccrual(value, enrolled, accrualTarget, "enrolled");
                return (new AtEnrolment(enrolled), enrolled);
            default:
                var evaluable = AnalysisTimeParser.Evaluable(map, value, LookForm);
                CheckWithinAccrual(value, evaluable.Patients, accrualTarget, "evaluable");
                if (final is AtEvaluable finalEvaluable && evaluable.Patients >= finalEvaluable.Patients)
                    throw value.Error($"an interim look at {evaluable.Patients} evaluable patients does not come before the final analysis at {finalEvaluable.Patients}",
                        $"a number of evaluable patients below analysis_time.evaluable ({finalEvaluable.Patients})");
                return (evaluable, evaluable.Patients);
        }
    }

    private static void CheckWithinAccrual(ScenarioNode value, int patients, int accrualTarget, string kind)
    {
        if (patients > accrualTarget)
            throw value.Error($"an interim look at {patients} {kind} patients but accrual.target is {accrualTarget}",
                $"{kind} patients at most accrual.target ({accrualTarget})");
    }
}

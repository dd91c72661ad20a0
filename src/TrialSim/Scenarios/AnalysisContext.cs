using System.Collections.Immutable;
using TrialSim.Cohorts;
using static System.FormattableString;

namespace TrialSim.Scenarios;

/// <summary>
/// What the analyses are checked against: the design's arms and strata, and the follow-up every
/// patient is sure to get (a landmark or horizon beyond it can never be reached by everyone).
/// </summary>
/// <param name="MaxPerPatient">follow_up.max_per_patient, when given.</param>
/// <param name="AfterLastPatient">The after_last_patient follow-up, when that is the analysis time.</param>
internal sealed record AnalysisContext(double? MaxPerPatient, double? AfterLastPatient, ImmutableArray<Arm> Arms, Strata Strata)
{
    public bool IsSingleArm => Arms.Length == 1;

    /// <summary>A time &gt; 0 months (<paramref name="what"/>: "landmark", "horizon") that every
    /// patient's follow-up reaches.</summary>
    public double TimeWithinFollowUp(ScenarioNode node, string what)
    {
        double time = node.AsPositive($"a {what} time > 0 months");
        if (MaxPerPatient is double max && time > max)
            throw node.Error(Invariant($"{what} {time} lies beyond follow_up.max_per_patient {max}"),
                Invariant($"a {what} at most follow_up.max_per_patient ({max} months)"));
        if (AfterLastPatient is double followUp && time > followUp)
            throw node.Error(Invariant($"{what} {time} lies beyond the {followUp} months the last patient is followed before analysis_time.after_last_patient"),
                Invariant($"a {what} at most analysis_time.after_last_patient ({followUp} months)"));
        return time;
    }
}

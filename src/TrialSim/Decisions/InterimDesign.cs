using System.Collections.Immutable;
using TrialSim.Conduct;

namespace TrialSim.Decisions;

/// <summary>
/// Interim looks before the final analysis (the scenario's analysis time), the analysis whose
/// result decides stopping, and the rule it follows. A simulated trial stops at the first look whose
/// boundary is crossed; enrolment stops with it.
/// </summary>
/// <param name="Looks">Interim looks, in the order they happen.</param>
/// <param name="Monitor">Name of the monitored analysis.</param>
/// <param name="PlannedInformation">Information (events, or evaluable patients) planned at the final
/// analysis; spending is evaluated at observed / planned. Defaults to the final look's event target.</param>
public sealed record InterimDesign(ImmutableArray<AnalysisTime> Looks, string Monitor, SequentialRule Rule, double? PlannedInformation)
{
    public const int MaxLooks = 10;

    public bool Equals(InterimDesign? other) =>
        other is not null && Looks.SequenceEqual(other.Looks) && Monitor == other.Monitor && Rule == other.Rule && PlannedInformation == other.PlannedInformation;
    public override int GetHashCode() => HashCode.Combine(Looks.Length, Monitor);
}

using System.Collections.Immutable;

namespace TrialSim.Reports;

/// <summary>
/// A right-continuous step function such as a Kaplan-Meier curve: <see cref="Values"/>[i] holds
/// from <see cref="Times"/>[i] (months) until the next time; the curve ends at the last time.
/// </summary>
public sealed record StepCurve(ImmutableArray<double> Times, ImmutableArray<double> Values)
{
    public bool Equals(StepCurve? other) => other is not null && Times.SequenceEqual(other.Times) && Values.SequenceEqual(other.Values);
    public override int GetHashCode() => Times.Length;
}

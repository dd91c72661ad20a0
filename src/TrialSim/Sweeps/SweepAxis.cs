using System.Collections.Immutable;

namespace TrialSim.Sweeps;

/// <summary>
/// A named axis of a sweep: a scenario field and the values it takes. Its name is the output column
/// holding each point's value and what <c>trialsim size --param</c> refers to.
/// </summary>
/// <param name="Zipped">True for the axes of the <c>zip</c> group, which move together (the i-th
/// value of each) as one axis of the grid.</param>
public sealed record SweepAxis(string Name, FieldPath Field, ImmutableArray<SweepValue> Values, bool Zipped)
{
    /// <summary>Every value is a number: the output column is a double.</summary>
    public bool IsNumeric => Values.All(v => v.Number is not null);
}

using System.Collections.Immutable;

namespace TrialSim.Reports;

/// <summary>
/// Which simulated point a result row belongs to: the sweep point (index, label and its value on
/// each sweep axis; 0, "" and none when the run is not a sweep) and the truth within it.
/// </summary>
public sealed record PointKey(int Point, string PointLabel, ImmutableArray<SweepCoordinate> Coordinates, int TruthIndex, string Truth)
{
    public bool Equals(PointKey? other) =>
        other is not null && Point == other.Point && TruthIndex == other.TruthIndex && PointLabel == other.PointLabel
        && Truth == other.Truth && Coordinates.SequenceEqual(other.Coordinates);

    public override int GetHashCode() => HashCode.Combine(Point, TruthIndex);

    /// <summary>"H1" without a sweep, "H1 at n=20, shape=weibull" with one.</summary>
    public string Describe() => PointLabel.Length == 0 ? Truth : $"{Truth} at {PointLabel}";
}

namespace TrialSim.Reports;

/// <summary>A sweep point's value on one axis: a number when every value of the axis is one
/// (the axis column is double), else a label.</summary>
public readonly record struct SweepCoordinate(string Axis, double? Number, string Label)
{
    public static SweepCoordinate OfNumber(string axis, double value) =>
        new(axis, value, value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture));

    public static SweepCoordinate OfLabel(string axis, string label) => new(axis, null, label);

    public override string ToString() => $"{Axis}={Label}";
}

using TrialSim.Sweeps;

namespace TrialSim.Sinks;

/// <summary>
/// The leading columns every output file shares: the sweep point (<c>point</c>, <c>point_label</c>)
/// and one column per sweep axis holding the point's value (a double when every value of the axis
/// is a number, else its label). Hive partitions leave <c>point</c> out: their path carries it.
/// </summary>
internal sealed class PointColumns
{
    private readonly ParquetColumns.Column<int>? _point;
    private readonly ParquetColumns.StringColumn _label;
    private readonly Action<SweepValue>[] _axes;

    public PointColumns(ParquetColumns columns, Sweep sweep, bool includePoint = true)
    {
        if (includePoint) _point = columns.Add<int>("point");
        _label = columns.AddString("point_label");
        _axes = new Action<SweepValue>[sweep.Axes.Length];
        for (int a = 0; a < _axes.Length; a++)
        {
            var axis = sweep.Axes[a];
            if (axis.IsNumeric)
            {
                var column = columns.Add<double>(axis.Name);
                _axes[a] = value => column.Append(value.Number!.Value);
            }
            else
            {
                var column = columns.AddString(axis.Name);
                _axes[a] = value => column.Append(value.Label);
            }
        }
    }

    public void Append(SweepPoint point)
    {
        _point?.Append(point.Index);
        _label.Append(point.Label);
        for (int a = 0; a < _axes.Length; a++) _axes[a](point.Values[a]);
    }
}

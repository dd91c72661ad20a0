using Parquet;
using Parquet.Schema;

namespace TrialSim.Sinks;

/// <summary>
/// A set of typed columns filled row by row and written to Parquet as row groups. Keeps the
/// column order and the schema in one place, so the writer and its columns cannot disagree.
/// </summary>
internal sealed class ParquetColumns
{
    private readonly List<Column> _columns = [];

    public ParquetSchema Schema() => new(_columns.Select(c => (Field)c.Field).ToArray());

    public Column<T> Add<T>(string name) where T : struct
    {
        CheckNew(name);
        var column = new Column<T>(name);
        _columns.Add(column);
        return column;
    }

    public StringColumn AddString(string name)
    {
        CheckNew(name);
        var column = new StringColumn(name);
        _columns.Add(column);
        return column;
    }

    /// <summary>A file with two columns of one name reads back wrong (DuckDB renames the second), so it is refused.</summary>
    private void CheckNew(string name)
    {
        if (_columns.Any(c => c.Field.Name == name)) throw new ArgumentException($"two columns named '{name}'", nameof(name));
    }

    public int RowCount => _columns.Count == 0 ? 0 : _columns[0].Count;

    /// <summary>Adds one double column per (name, value) pair, in order, and returns a function that
    /// appends a row's values to them.</summary>
    public Action<TRow> AddDoubles<TRow>(IReadOnlyList<(string Name, Func<TRow, double> Value)> definitions)
    {
        var columns = definitions.Select(d => (Column: Add<double>(d.Name), d.Value)).ToArray();
        return row =>
        {
            foreach (var (column, value) in columns) column.Append(value(row));
        };
    }

    /// <summary>Writes every row so far as one row group of a new file, atomically (temporary file, then rename).</summary>
    public void WriteFile(string path, IReadOnlyDictionary<string, string> metadata) =>
        AtomicFile.Write(path, stream =>
        {
            var writer = ParquetWriter.CreateAsync(Schema(), stream).GetAwaiter().GetResult();
            writer.CustomMetadata = new Dictionary<string, string>(metadata);
            WriteRowGroup(writer);
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        });

    public void WriteRowGroup(ParquetWriter writer)
    {
        using var rowGroup = writer.CreateRowGroup();
        foreach (var column in _columns) column.Write(rowGroup);
        foreach (var column in _columns) column.Clear();
    }

    internal abstract class Column
    {
        public abstract DataField Field { get; }
        public abstract int Count { get; }
        public abstract void Write(ParquetRowGroupWriter rowGroup);
        public abstract void Clear();
    }

    internal sealed class Column<T>(string name) : Column where T : struct
    {
        private readonly List<T> _values = [];
        public override DataField Field { get; } = new DataField<T>(name);
        public override int Count => _values.Count;
        public void Append(T value) => _values.Add(value);
        public override void Write(ParquetRowGroupWriter rowGroup) =>
            rowGroup.WriteAsync<T>(Field, _values.ToArray().AsMemory()).GetAwaiter().GetResult();
        public override void Clear() => _values.Clear();
    }

    internal sealed class StringColumn(string name) : Column
    {
        private readonly List<string> _values = [];
        public override DataField Field { get; } = new DataField<string>(name, false);
        public override int Count => _values.Count;
        public void Append(string value) => _values.Add(value);
        public override void Write(ParquetRowGroupWriter rowGroup) =>
            rowGroup.WriteAsync(Field, _values).GetAwaiter().GetResult();
        public override void Clear() => _values.Clear();
    }
}

using Parquet;
using Parquet.Schema;

namespace TrialSim.Reports;

/// <summary>
/// A whole Parquet file read into memory, column by column, with its key-value metadata. Result
/// files are small (one row per point and analysis), so reading them whole is simplest. Accepts
/// required and optional columns alike (files written by other tools mark columns optional): a
/// missing double reads as NaN, a missing string as "".
/// </summary>
internal sealed class ParquetTable
{
    private readonly Dictionary<string, Array> _columns = new(StringComparer.Ordinal);

    public string Path { get; }
    public int RowCount { get; }
    public IReadOnlyDictionary<string, string> Metadata { get; }
    /// <summary>Column names in schema order.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    private ParquetTable(string path, int rowCount, IReadOnlyDictionary<string, string> metadata, List<string> names, Dictionary<string, Array> columns)
    {
        Path = path;
        RowCount = rowCount;
        Metadata = metadata;
        ColumnNames = names;
        _columns = columns;
    }

    /// <exception cref="ReportException">The file is missing, unreadable or not Parquet.</exception>
    public static ParquetTable Read(string path)
    {
        try
        {
            return ReadAsync(path).GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is not ReportException and not OutOfMemoryException)
        {
            // Parquet.Net reports a non-Parquet file with several exception types (IOException,
            // InvalidDataException, its own ParquetException); all mean the same thing here.
            string problem = exception is FileNotFoundException or DirectoryNotFoundException
                ? "file not found"
                : $"cannot be read as Parquet ({exception.Message.TrimEnd('.')})";
            throw new ReportException(path, problem, "a Parquet file written by trialsim run", exception);
        }
    }

    private static async Task<ParquetTable> ReadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        var parts = fields.ToDictionary(f => f.Name, _ => new List<Array>());
        int rows = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int count = checked((int)group.RowCount);
            foreach (var field in fields) parts[field.Name].Add(await ReadColumnAsync(group, field, count, path));
            rows += count;
        }
        var columns = new Dictionary<string, Array>(StringComparer.Ordinal);
        foreach (var field in fields) columns[field.Name] = Concatenate(parts[field.Name], rows, field.ClrType);
        var metadata = new Dictionary<string, string>(reader.CustomMetadata ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        return new ParquetTable(path, rows, metadata, fields.Select(f => f.Name).ToList(), columns);
    }

    /// <summary>One column of one row group as double[], long[] (any integer type), bool[] or string[].</summary>
    private static async Task<Array> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int count, string path)
    {
        Type type = field.ClrType;
        if (IsText(type))
        {
            var values = new string?[count];
            await group.ReadAsync(field, values.AsMemory());
            return values.Select(v => v ?? "").ToArray();
        }
        if (type == typeof(double)) return await ReadNumbersAsync<double, double>(group, field, count, v => v, double.NaN);
        if (type == typeof(float)) return await ReadNumbersAsync<float, double>(group, field, count, v => v, double.NaN);
        if (type == typeof(int)) return await ReadNumbersAsync<int, long>(group, field, count, v => v, long.MinValue);
        if (type == typeof(long)) return await ReadNumbersAsync<long, long>(group, field, count, v => v, long.MinValue);
        if (type == typeof(short)) return await ReadNumbersAsync<short, long>(group, field, count, v => v, long.MinValue);
        if (type == typeof(bool)) return await ReadNumbersAsync<bool, bool>(group, field, count, v => v, false);
        throw new ReportException(path, $"column '{field.Name}' has type {type.Name}", "double, integer, boolean or string columns");
    }

    private static async Task<TOut[]> ReadNumbersAsync<TIn, TOut>(ParquetRowGroupReader group, DataField field, int count, Func<TIn, TOut> convert, TOut missing)
        where TIn : struct
    {
        var result = new TOut[count];
        if (field.IsNullable)
        {
            var values = new TIn?[count];
            await group.ReadAsync(field, values.AsMemory());
            for (int i = 0; i < count; i++) result[i] = values[i] is TIn v ? convert(v) : missing;
        }
        else
        {
            var values = new TIn[count];
            await group.ReadAsync(field, values.AsMemory());
            for (int i = 0; i < count; i++) result[i] = convert(values[i]);
        }
        return result;
    }

    private static Array Concatenate(List<Array> parts, int rows, Type clrType)
    {
        Type element = IsText(clrType) ? typeof(string)
            : clrType == typeof(double) || clrType == typeof(float) ? typeof(double)
            : clrType == typeof(bool) ? typeof(bool)
            : typeof(long);
        var all = Array.CreateInstance(element, rows);
        int offset = 0;
        foreach (var part in parts)
        {
            Array.Copy(part, 0, all, offset, part.Length);
            offset += part.Length;
        }
        return all;
    }

    /// <summary>Parquet.Net 6 reads UTF-8 byte-array columns as ReadOnlyMemory&lt;char&gt; by default; both are text.</summary>
    private static bool IsText(Type type) => type == typeof(string) || type == typeof(ReadOnlyMemory<char>);

    public bool Has(string name) => _columns.ContainsKey(name);

    public bool IsNumeric(string name) => _columns.TryGetValue(name, out var column) && column is double[] or long[];

    /// <summary>A numeric column as doubles (integers widen).</summary>
    public double[] Doubles(string name) => Column(name, "a number") switch
    {
        double[] values => values,
        long[] values => values.Select(v => (double)v).ToArray(),
        _ => throw WrongType(name, "a number"),
    };

    public long[] Integers(string name) => Column(name, "a whole number") as long[] ?? throw WrongType(name, "a whole number");

    public string[] Strings(string name) => Column(name, "a string") as string[] ?? throw WrongType(name, "a string");

    public bool[] Booleans(string name) => Column(name, "a boolean") as bool[] ?? throw WrongType(name, "a boolean");

    /// <summary>An integer column, or <paramref name="fallback"/> in every row when the file has none.</summary>
    public long[] IntegersOr(string name, long fallback) => Has(name) ? Integers(name) : Enumerable.Repeat(fallback, RowCount).ToArray();

    public string[] StringsOr(string name, string fallback) => Has(name) ? Strings(name) : Enumerable.Repeat(fallback, RowCount).ToArray();

    private Array Column(string name, string expected) =>
        _columns.TryGetValue(name, out var column)
            ? column
            : throw new ReportException(Path, $"no column '{name}'", $"a trialsim result file with a column '{name}' ({expected})");

    private ReportException WrongType(string name, string expected) =>
        new(Path, $"column '{name}' holds {Describe(_columns[name])}", $"'{name}' to hold {expected}");

    private static string Describe(Array column) => column switch
    {
        double[] => "numbers",
        long[] => "whole numbers",
        bool[] => "booleans",
        string[] => "strings",
        _ => column.GetType().Name,
    };
}

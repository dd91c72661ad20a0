using Parquet;
using Parquet.Schema;

namespace TrialSim.Tests.Reports;

/// <summary>Reads a small Parquet file straight with Parquet.Net, independently of the report's reader, for checking it.</summary>
internal static class ParquetRows
{
    public static async Task<(List<Dictionary<string, object>> Rows, IReadOnlyDictionary<string, string> Metadata)> ReadAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var rows = new List<Dictionary<string, object>>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int count = (int)group.RowCount;
            var groupRows = Enumerable.Range(0, count).Select(_ => new Dictionary<string, object>()).ToList();
            foreach (var field in reader.Schema.GetDataFields())
            {
                object[] values = await ReadColumn(group, field, count);
                for (int i = 0; i < count; i++) groupRows[i][field.Name] = values[i];
            }
            rows.AddRange(groupRows);
        }
        return (rows, reader.CustomMetadata);
    }

    private static async Task<object[]> ReadColumn(ParquetRowGroupReader group, DataField field, int count)
    {
        if (field.ClrType == typeof(double)) { var v = new double[count]; await group.ReadAsync<double>(field, v); return v.Cast<object>().ToArray(); }
        if (field.ClrType == typeof(int)) { var v = new int[count]; await group.ReadAsync<int>(field, v); return v.Cast<object>().ToArray(); }
        if (field.ClrType == typeof(long)) { var v = new long[count]; await group.ReadAsync<long>(field, v); return v.Cast<object>().ToArray(); }
        if (field.ClrType == typeof(bool)) { var v = new bool[count]; await group.ReadAsync<bool>(field, v); return v.Cast<object>().ToArray(); }
        var s = new string?[count];
        await group.ReadAsync(field, s.AsMemory());
        return s.Select(x => (object)(x ?? "")).ToArray();
    }
}

using DuckDB.NET.Data;
using Parquet;
using Parquet.Schema;
using TrialSim.Tests.Cli;
using TrialSim.Tests.Sweeps;

namespace TrialSim.Tests.Sinks;

/// <summary>
/// The points/point=K/ dataset is what DuckDB expects of a hive-partitioned Parquet dataset, and holds
/// exactly the rows of summary.parquet.
/// </summary>
public sealed class DuckDbDatasetTest : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public DuckDbDatasetTest()
    {
        string path = SweepExamples.Write(_directory.File("grid.yaml"), SweepExamples.Grid);
        var run = CliRunner.Run("run", path, "--replicates", "600", "--quiet", "--out", _directory.Path);
        Assert.True(run.ExitCode == 0, run.Error);
        _connection.Open();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _directory.Dispose();
    }

    private string Summary => $"read_parquet('{_directory.File("summary.parquet")}')";
    private string Partitions => $"read_parquet('{_directory.File("points")}/*/*.parquet', hive_partitioning = true)";

    private List<object[]> Query(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    [Fact]
    public void Partitions_have_the_rows_and_points_of_the_summary()
    {
        var partitions = Assert.Single(Query($"SELECT count(*), count(DISTINCT point) FROM {Partitions}"));
        var summary = Assert.Single(Query($"SELECT count(*), count(DISTINCT point) FROM {Summary}"));
        Assert.Equal(summary, partitions);
        Assert.Equal(new object[] { 12L * 2, 12L }, partitions); // 12 points x 2 truths x 1 analysis
    }

    [Fact]
    public void Partitions_hold_exactly_the_summary_rows()
    {
        // Every column, NaN included; the partition's point comes from its path, as a BIGINT.
        string difference = $"""
            SELECT count(*) FROM (
              (SELECT * FROM {Summary})
              EXCEPT ALL
              (SELECT point::INTEGER AS point, * EXCLUDE (point) FROM {Partitions}))
            """;
        Assert.Equal(0L, Assert.Single(Query(difference))[0]);
    }

    [Fact]
    public void Axis_columns_hold_each_point_values()
    {
        var row = Assert.Single(Query($"SELECT DISTINCT point_label, n, shape, rate, alpha FROM {Partitions} WHERE point = 5"));
        Assert.Equal(new object[] { "n=25, shape=exponential, rate=2, alpha=0.1", 25.0, "exponential", 2.0, 0.1 }, row);
    }

    [Fact]
    public async Task Power_read_through_duckdb_equals_the_one_in_summary_parquet()
    {
        const int point = 6;
        var viaDuckDb = (double)Assert.Single(Query(
            $"SELECT rejection_rate FROM {Partitions} WHERE point = {point} AND truth = 'H1' AND analysis = 'km'"))[0];

        await using var reader = await ParquetReader.CreateAsync(_directory.File("summary.parquet"));
        using var rowGroup = reader.OpenRowGroupReader(0);
        DataField Field(string name) => (DataField)reader.Schema.Fields.Single(f => f.Name == name);
        async Task<T[]> Numbers<T>(string name) where T : struct
        {
            var values = new T[rowGroup.RowCount];
            await rowGroup.ReadAsync<T>(Field(name), values);
            return values;
        }
        async Task<string?[]> Texts(string name)
        {
            var values = new string?[rowGroup.RowCount];
            await rowGroup.ReadAsync(Field(name), values.AsMemory());
            return values;
        }
        int[] points = await Numbers<int>("point");
        string?[] truths = await Texts("truth");
        string?[] analyses = await Texts("analysis");
        double[] rates = await Numbers<double>("rejection_rate");
        int index = Enumerable.Range(0, points.Length).Single(i => points[i] == point && truths[i] == "H1" && analyses[i] == "km");

        Assert.InRange(rates[index], 0.01, 0.99);
        Assert.Equal(rates[index], viaDuckDb);
    }
}

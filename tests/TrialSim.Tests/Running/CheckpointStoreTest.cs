using TrialSim.Aggregation;
using TrialSim.Running;
using TrialSim.Sweeps;
using TrialSim.Tests.Cli;
using TrialSim.Tests.Sweeps;

namespace TrialSim.Tests.Running;

/// <summary>Unit files hold an accumulator exactly, and are only ever read back into their own run and unit.</summary>
public class CheckpointStoreTest
{
    // Two full chunks and a partial one; a design with two arms and an interim look, so every
    // part of the accumulator (analyses, arms, looks) is in the file.
    private const int Replicates = 2 * SimulationRunner.ChunkReplicates + 300;
    private static readonly RunIdentity Identity = new(new string('a', 64), 5, Replicates, "1.2.3");

    private static SimulationPlan GroupSequentialPlan() =>
        SimulationPlan.Compile(SweepLoader.Parse(SweepExamples.GroupSequential, "gsd.yaml").Points[0].Scenario);

    private static PointAccumulator NewAccumulator(SimulationPlan plan, int truth) =>
        new(plan.Capacity, plan.TrueValues[truth], plan.ArmCount, plan.LookCount);

    /// <summary>Runs every unit of the plan, handing each unit's accumulator to <paramref name="onUnit"/>.</summary>
    private static void RunAll(SimulationPlan plan, int replicates, Action<WorkUnit, PointAccumulator> onUnit) =>
        SimulationRunner.RunUnits(plan, replicates, SimulationRunner.AllUnits(0, plan.Scenario.Points.Length, replicates), 2,
            null, null, CancellationToken.None, onUnit);

    [Fact]
    public void Totals_merged_from_read_back_units_are_bit_identical_to_totals_of_the_originals()
    {
        using var directory = new TemporaryDirectory();
        var store = new CheckpointStore(directory.Path, Identity);
        var plan = GroupSequentialPlan();
        var direct = SimulationRunner.NewTotals(plan);
        RunAll(plan, Replicates, (unit, accumulator) =>
        {
            store.Write(unit, accumulator);
            direct[unit.Truth].Merge(accumulator);
        });

        var read = SimulationRunner.NewTotals(plan);
        foreach (var unit in SimulationRunner.AllUnits(0, 2, Replicates))
        {
            var accumulator = NewAccumulator(plan, unit.Truth);
            store.Read(unit, accumulator);
            read[unit.Truth].Merge(accumulator);
        }

        var expected = SimulationRunner.Result(plan, Replicates, direct, TimeSpan.Zero);
        var actual = SimulationRunner.Result(plan, Replicates, read, TimeSpan.Zero);
        Assert.Equal(Replicates, actual.Rows[0].Replicates);
        // As sequences: ImmutableArray's own equality compares array references.
        Assert.Equal(expected.Rows.AsEnumerable(), actual.Rows);
        Assert.Equal(expected.ArmRows.AsEnumerable(), actual.ArmRows);
        Assert.Equal(expected.LookRows.AsEnumerable(), actual.LookRows);
        Assert.NotEmpty(actual.LookRows);
    }

    [Fact]
    public void Unit_read_back_and_written_again_gives_the_same_bytes()
    {
        using var directory = new TemporaryDirectory();
        var first = new CheckpointStore(directory.File("first"), Identity);
        var second = new CheckpointStore(directory.File("second"), Identity);
        var plan = GroupSequentialPlan();
        var unit = new WorkUnit(0, 1, 0);
        RunAll(plan, 500, (u, accumulator) => { if (u == unit) first.Write(u, accumulator); });

        var accumulator = NewAccumulator(plan, unit.Truth);
        first.Read(unit, accumulator);
        Assert.Equal(500, accumulator.Replicates);
        second.Write(unit, accumulator);
        Assert.Equal(File.ReadAllBytes(first.PathOf(unit)), File.ReadAllBytes(second.PathOf(unit)));
    }

    /// <summary>A store with unit (0, 0, 0) of a 300-replicate run of the group-sequential plan written.</summary>
    private static (CheckpointStore Store, SimulationPlan Plan, WorkUnit Unit) OneUnit(string directory)
    {
        var store = new CheckpointStore(directory, Identity);
        var plan = GroupSequentialPlan();
        var unit = new WorkUnit(0, 0, 0);
        RunAll(plan, 300, (u, accumulator) => { if (u == unit) store.Write(u, accumulator); });
        Assert.True(store.Has(unit));
        return (store, plan, unit);
    }

    private static InvalidDataException ReadFails(CheckpointStore store, SimulationPlan plan, WorkUnit unit, string says)
    {
        var error = Assert.Throws<InvalidDataException>(() => store.Read(unit, NewAccumulator(plan, unit.Truth)));
        Assert.StartsWith(store.PathOf(unit) + ": ", error.Message);
        Assert.Contains(says, error.Message);
        return error;
    }

    [Fact]
    public void Unit_of_a_different_run_is_rejected_naming_both_runs()
    {
        using var directory = new TemporaryDirectory();
        var (store, plan, unit) = OneUnit(directory.Path);
        var otherSeed = new CheckpointStore(directory.Path, Identity with { Seed = 6 });
        var error = ReadFails(otherSeed, plan, unit, "belongs to a different run");
        Assert.Contains("seed 5", error.Message);
        Assert.Contains("seed 6", error.Message);
        ReadFails(new CheckpointStore(directory.Path, Identity with { ScenarioSha256 = new string('b', 64) }), plan, unit, "different run");
        ReadFails(new CheckpointStore(directory.Path, Identity with { Replicates = Replicates + 1 }), plan, unit, "different run");
        ReadFails(new CheckpointStore(directory.Path, Identity with { ToolVersion = "9.9.9" }), plan, unit, "different run");
        store.Read(unit, NewAccumulator(plan, unit.Truth)); // its own run still reads it
    }

    [Fact]
    public void Truncated_unit_is_rejected()
    {
        using var directory = new TemporaryDirectory();
        var (store, plan, unit) = OneUnit(directory.Path);
        string path = store.PathOf(unit);
        byte[] bytes = File.ReadAllBytes(path);
        foreach (int length in new[] { 0, 10, bytes.Length / 2, bytes.Length - 1 })
        {
            File.WriteAllBytes(path, bytes[..length]);
            ReadFails(store, plan, unit, "truncated unit file");
        }
    }

    [Fact]
    public void Unit_with_trailing_bytes_is_rejected()
    {
        using var directory = new TemporaryDirectory();
        var (store, plan, unit) = OneUnit(directory.Path);
        File.AppendAllText(store.PathOf(unit), "x");
        ReadFails(store, plan, unit, "trailing bytes");
    }

    [Fact]
    public void Unit_file_at_another_unit_name_is_rejected_naming_what_it_holds()
    {
        using var directory = new TemporaryDirectory();
        var (store, plan, unit) = OneUnit(directory.Path);
        var other = unit with { Chunk = 1 };
        File.Copy(store.PathOf(unit), store.PathOf(other));
        ReadFails(store, plan, other, $"it holds {unit}");
    }

    [Fact]
    public void File_that_is_not_a_unit_is_rejected()
    {
        using var directory = new TemporaryDirectory();
        var (store, plan, unit) = OneUnit(directory.Path);
        using (var writer = new BinaryWriter(File.Create(store.PathOf(unit))))
        {
            writer.Write("something-else");
            writer.Write(1);
        }
        ReadFails(store, plan, unit, "not a trialsim unit file");
    }

    [Fact]
    public void Unit_read_into_an_accumulator_of_another_shape_is_rejected()
    {
        using var directory = new TemporaryDirectory();
        var (store, plan, unit) = OneUnit(directory.Path);
        var error = Assert.Throws<InvalidDataException>(() => store.Read(unit, new PointAccumulator(plan.Capacity, [0.0, 0.0], plan.ArmCount, plan.LookCount)));
        Assert.Contains("different analyses, arms or looks", error.Message);
    }

    [Fact]
    public void Resuming_over_a_different_run_throws_and_keeps_its_units()
    {
        using var directory = new TemporaryDirectory();
        var (store, _, unit) = OneUnit(directory.Path);
        store.Begin(resume: false);
        OneUnit(directory.Path);
        var other = new CheckpointStore(directory.Path, Identity with { Seed = 99 });
        var error = Assert.Throws<InvalidOperationException>(() => other.Begin(resume: true));
        Assert.Contains("different run", error.Message);
        Assert.Contains("seed=5", error.Message);
        Assert.True(store.Has(unit), "the other run's units are left alone");
    }

    [Fact]
    public void Resuming_the_same_run_keeps_its_units()
    {
        using var directory = new TemporaryDirectory();
        var (store, _, unit) = OneUnit(directory.Path);
        store.Begin(resume: false);
        OneUnit(directory.Path);
        new CheckpointStore(directory.Path, Identity).Begin(resume: true);
        Assert.True(store.Has(unit));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void Starting_afresh_deletes_the_units_of_any_run()
    {
        using var directory = new TemporaryDirectory();
        var (store, _, unit) = OneUnit(directory.Path);
        store.Begin(resume: false);
        OneUnit(directory.Path);
        var other = new CheckpointStore(directory.Path, Identity with { Seed = 99 });
        other.Begin(resume: false);
        Assert.False(store.Has(unit));
        Assert.Equal(0, other.Count);
        other.Begin(resume: true); // the directory is now the other run's
    }
}

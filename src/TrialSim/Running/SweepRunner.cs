using System.Collections.Immutable;
using System.Diagnostics;
using TrialSim.Aggregation;
using TrialSim.Sweeps;

namespace TrialSim.Running;

/// <summary>
/// Runs every point of a sweep, point after point, each in parallel over its units. Units are
/// numbered in (point, truth, chunk) order across the whole sweep; a shard runs its slice of that
/// order, a resumed run the units not yet on disk. Results are always totalled unit by unit in
/// that order, so they are bit-identical however the work was split.
/// </summary>
public static class SweepRunner
{
    /// <summary>Runs the sweep; returns its result, or null for a shard (which only writes checkpoints).</summary>
    public static SweepResult? Run(Sweep sweep, SweepRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(options);
        var first = sweep.First;
        int replicates = options.Replicates ?? first.Replicates;
        ulong seed = options.Seed ?? first.Seed;
        if (replicates <= 0) throw new ArgumentOutOfRangeException(nameof(options), replicates, "replicates must be positive");
        var store = options.Checkpoints;
        if (options.Shard != Shard.All && store is null) throw new ArgumentException("a shard needs a checkpoint store to write to", nameof(options));
        var stopwatch = Stopwatch.StartNew();

        var pending = PendingUnits(sweep, replicates, options.Shard, options.Resume ? store : null);
        long trialsTotal = pending.Sum(units => units.Sum(u => (long)SimulationRunner.ChunkSize(u.Chunk, replicates)));
        int pointsTotal = pending.Count(units => units.Count > 0);
        long trialsDone = 0;
        int pointsDone = 0;
        Action<long>? progress = options.Progress is null ? null
            : trials => options.Progress(new RunProgress(trialsDone += trials, trialsTotal, pointsDone, pointsTotal));

        bool whole = options.Shard == Shard.All;
        var results = ImmutableArray.CreateBuilder<SimulationResult>(whole ? sweep.Points.Length : 0);
        foreach (var point in sweep.Points)
        {
            var units = pending[point.Index];
            if (units.Count == 0 && !whole) continue;
            var pointClock = Stopwatch.StartNew();
            var plan = SimulationPlan.Compile(point.Scenario, seed);
            var totals = SimulationRunner.NewTotals(plan);
            SimulationRunner.RunUnits(plan, replicates, units, options.Threads, options.Trials, progress, options.Cancellation,
                store is null ? (unit, accumulator) => totals[unit.Truth].Merge(accumulator) : store.Write);
            if (units.Count > 0) options.Progress?.Invoke(new RunProgress(trialsDone, trialsTotal, ++pointsDone, pointsTotal));
            if (!whole) continue;
            if (store is not null) Total(plan, point.Index, replicates, unit => store, totals);
            results.Add(SimulationRunner.Result(plan, replicates, totals, pointClock.Elapsed));
        }
        return whole ? new SweepResult(sweep, seed, replicates, results.MoveToImmutable(), stopwatch.Elapsed) : null;
    }

    /// <summary>
    /// The result of a sweep whose units are all on disk, spread over <paramref name="stores"/>
    /// (the shards of one run): what <c>trialsim merge</c> writes.
    /// </summary>
    /// <exception cref="InvalidDataException">A unit is missing from every store, or damaged.</exception>
    public static SweepResult Collect(Sweep sweep, int replicates, ulong seed, IReadOnlyList<CheckpointStore> stores)
    {
        var stopwatch = Stopwatch.StartNew();
        var results = ImmutableArray.CreateBuilder<SimulationResult>(sweep.Points.Length);
        foreach (var point in sweep.Points)
        {
            var plan = SimulationPlan.Compile(point.Scenario, seed);
            var totals = SimulationRunner.NewTotals(plan);
            Total(plan, point.Index, replicates, unit => stores.FirstOrDefault(s => s.Has(unit))
                ?? throw new InvalidDataException($"no shard holds {unit} (file {Path.GetFileName(stores[0].PathOf(unit))})"), totals);
            results.Add(SimulationRunner.Result(plan, replicates, totals, TimeSpan.Zero));
        }
        return new SweepResult(sweep, seed, replicates, results.MoveToImmutable(), stopwatch.Elapsed);
    }

    /// <summary>Every unit of every point as (point index -> units this run computes).</summary>
    private static List<WorkUnit>[] PendingUnits(Sweep sweep, int replicates, Shard shard, CheckpointStore? done)
    {
        var pending = new List<WorkUnit>[sweep.Points.Length];
        long ordinal = 0;
        foreach (var point in sweep.Points)
        {
            pending[point.Index] = [];
            foreach (var unit in SimulationRunner.AllUnits(point.Index, point.Scenario.Points.Length, replicates))
                if (shard.Owns(ordinal++) && (done is null || !done.Has(unit))) pending[point.Index].Add(unit);
        }
        return pending;
    }

    /// <summary>Totals each truth of a point from its stored units, chunk by chunk in order.</summary>
    private static void Total(SimulationPlan plan, int point, int replicates, Func<WorkUnit, CheckpointStore> storeFor, PointAccumulator[] totals)
    {
        var unitAccumulators = new PointAccumulator?[totals.Length];
        foreach (var unit in SimulationRunner.AllUnits(point, totals.Length, replicates))
        {
            var accumulator = unitAccumulators[unit.Truth] ??= SimulationRunner.NewAccumulator(plan, unit.Truth);
            storeFor(unit).Read(unit, accumulator);
            totals[unit.Truth].Merge(accumulator);
        }
    }
}

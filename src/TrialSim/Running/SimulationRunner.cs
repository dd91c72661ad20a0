using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using TrialSim.Aggregation;
using TrialSim.Scenarios;

namespace TrialSim.Running;

/// <summary>
/// Runs the replicates of one scenario in parallel and aggregates as it streams.
/// </summary>
/// <remarks>
/// Work is cut into fixed blocks of replicates, grouped into chunks (<see cref="WorkUnit"/>s).
/// Each block is simulated by whichever worker takes it, into its own accumulator; blocks are
/// merged strictly in order into their chunk, and chunks in order into the truth's total.
/// Random numbers are keyed by replicate and the cuts do not depend on the thread count, so the
/// output is bit-identical for any number of threads, and for any split of the chunks over runs
/// (resume, shards). Memory is bounded by the blocks in flight.
/// </remarks>
public static class SimulationRunner
{
    public const int BlockSize = 256;
    public const int ChunkBlocks = 16;
    public const int ChunkReplicates = BlockSize * ChunkBlocks;

    public static int ChunkCount(int replicates) => (replicates + ChunkReplicates - 1) / ChunkReplicates;

    /// <summary>Replicates in chunk <paramref name="chunk"/> (the last may be short).</summary>
    public static int ChunkSize(int chunk, int replicates) => Math.Min(ChunkReplicates, replicates - chunk * ChunkReplicates);

    /// <summary>Runs every replicate of every truth of <paramref name="scenario"/>, in memory.</summary>
    public static SimulationResult Run(Scenario scenario, RunOptions? options = null)
    {
        options ??= new RunOptions();
        int replicates = options.Replicates ?? scenario.Replicates;
        ulong seed = options.Seed ?? scenario.Seed;
        if (replicates <= 0) throw new ArgumentOutOfRangeException(nameof(options), replicates, "replicates must be positive");
        var stopwatch = Stopwatch.StartNew();
        var plan = SimulationPlan.Compile(scenario, seed);
        var totals = NewTotals(plan);
        var units = AllUnits(0, scenario.Points.Length, replicates);
        long total = (long)replicates * scenario.Points.Length, done = 0;
        Action<long>? progress = options.Progress is null ? null : trials => options.Progress(done += trials, total);
        RunUnits(plan, replicates, units, options.Threads, options.Trials, progress, options.Cancellation,
            (unit, accumulator) => totals[unit.Truth].Merge(accumulator));
        return Result(plan, replicates, totals, stopwatch.Elapsed);
    }

    /// <summary>Every unit of one point, in merge order.</summary>
    public static List<WorkUnit> AllUnits(int point, int truths, int replicates)
    {
        int chunks = ChunkCount(replicates);
        var units = new List<WorkUnit>(truths * chunks);
        for (int t = 0; t < truths; t++)
            for (int c = 0; c < chunks; c++) units.Add(new WorkUnit(point, t, c));
        return units;
    }

    /// <summary>An empty total per truth of the plan's scenario.</summary>
    public static PointAccumulator[] NewTotals(SimulationPlan plan)
    {
        var totals = new PointAccumulator[plan.Scenario.Points.Length];
        for (int t = 0; t < totals.Length; t++) totals[t] = NewAccumulator(plan, t);
        return totals;
    }

    /// <summary>An empty accumulator for one truth of the plan's scenario.</summary>
    internal static PointAccumulator NewAccumulator(SimulationPlan plan, int truth) =>
        new(plan.Capacity, plan.TrueValues[truth], plan.ArmCount, plan.LookCount);

    /// <summary>The operating characteristics of each truth from its total.</summary>
    public static SimulationResult Result(SimulationPlan plan, int replicates, PointAccumulator[] totals, TimeSpan elapsed)
    {
        var scenario = plan.Scenario;
        var points = scenario.Points;
        var analyses = scenario.Analyses;
        var rows = ImmutableArray.CreateBuilder<OperatingCharacteristics>(points.Length * analyses.Length);
        for (int p = 0; p < points.Length; p++)
            for (int a = 0; a < analyses.Length; a++)
                rows.Add(OperatingCharacteristics.From(p, points[p].Name, analyses[a], totals[p], a));
        var armRows = ImmutableArray.CreateBuilder<ArmCharacteristics>(points.Length * plan.ArmCount);
        for (int p = 0; p < points.Length; p++)
            for (int a = 0; a < plan.ArmCount; a++)
                armRows.Add(ArmCharacteristics.From(p, points[p].Name, a, scenario.Arms[a].Name, totals[p].Replicates, totals[p].Arms[a]));
        var lookRows = plan.Monitor is null ? [] : Enumerable.Range(0, points.Length)
            .SelectMany(p => LookCharacteristics.From(p, points[p].Name, totals[p].Replicates, totals[p].Looks)).ToImmutableArray();
        return new SimulationResult(scenario, plan.Seed, replicates, rows.MoveToImmutable(), elapsed)
        {
            ArmRows = armRows.MoveToImmutable(),
            LookRows = lookRows,
        };
    }

    /// <summary>
    /// Simulates the given units of one point on <paramref name="threads"/> workers (0: one per
    /// core) and hands each finished unit's accumulator to <paramref name="onUnit"/>, in the order
    /// given, from one thread at a time. The accumulator is reused once the call returns.
    /// </summary>
    /// <param name="progress">Called with the number of trials just merged.</param>
    public static void RunUnits(
        SimulationPlan plan, int replicates, IReadOnlyList<WorkUnit> units, int threads, ITrialSink? sink,
        Action<long>? progress, CancellationToken cancellation, Action<WorkUnit, PointAccumulator> onUnit)
    {
        if (units.Count == 0) return;
        if (threads <= 0) threads = Environment.ProcessorCount;
        int blocksPerTruth = (replicates + BlockSize - 1) / BlockSize;
        // Flatten to blocks: item i is block itemBlock[i] of unit itemUnit[i].
        var itemUnit = new List<int>();
        var itemBlock = new List<int>();
        for (int u = 0; u < units.Count; u++)
        {
            int first = units[u].Chunk * ChunkBlocks, last = Math.Min(first + ChunkBlocks, blocksPerTruth);
            for (int b = first; b < last; b++)
            {
                itemUnit.Add(u);
                itemBlock.Add(b);
            }
        }
        int truths = plan.Scenario.Points.Length;
        var accumulatorPools = new ConcurrentBag<PointAccumulator>[truths];
        for (int t = 0; t < truths; t++) accumulatorPools[t] = [];
        var blockPool = new ConcurrentBag<TrialBlock>();
        var merger = new OrderedMerger(plan, units, itemUnit, onUnit, sink, progress, accumulatorPools, blockPool);
        int analyses = plan.Scenario.Analyses.Length;

        long nextItem = -1;
        Exception? failure = null;
        void Work()
        {
            try
            {
                var workspace = new TrialWorkspace(plan);
                long item;
                while ((item = Interlocked.Increment(ref nextItem)) < itemUnit.Count && Volatile.Read(ref failure) is null)
                {
                    cancellation.ThrowIfCancellationRequested();
                    int truth = units[itemUnit[(int)item]].Truth;
                    int first = itemBlock[(int)item] * BlockSize;
                    int count = Math.Min(BlockSize, replicates - first);
                    if (!accumulatorPools[truth].TryTake(out var accumulator)) accumulator = NewAccumulator(plan, truth);
                    TrialBlock? trials = null;
                    if (sink is not null)
                    {
                        if (!blockPool.TryTake(out trials)) trials = new TrialBlock(BlockSize, analyses);
                        trials.Point = units[itemUnit[(int)item]].Point;
                        trials.TruthIndex = truth;
                        trials.FirstReplicate = first;
                        trials.Count = count;
                    }
                    for (int r = 0; r < count; r++)
                    {
                        uint replicate = (uint)(first + r);
                        // Stream group 0 for every truth and point: common random numbers.
                        var outcome = TrialSimulator.Simulate(plan, truth, replicate, workspace);
                        accumulator.Add(outcome, workspace.Results, workspace.Observed.Arms, workspace.Looks);
                        if (trials is not null)
                        {
                            trials.Outcomes[r] = outcome;
                            workspace.Results.CopyTo(trials.Results.AsSpan(r * analyses));
                        }
                    }
                    merger.Complete(item, truth, accumulator, trials);
                }
            }
            catch (Exception exception)
            {
                Interlocked.CompareExchange(ref failure, exception, null);
            }
        }

        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = new Thread(Work) { IsBackground = true, Name = $"trialsim-worker-{t}" };
            workers[t].Start();
        }
        foreach (var worker in workers) worker.Join();
        if (failure is not null)
        {
            if (failure is OperationCanceledException) throw failure;
            throw new InvalidOperationException($"simulation failed: {failure.Message}", failure);
        }
    }

    /// <summary>
    /// Merges finished blocks into their unit in item order, whatever order they finish in, hands
    /// each completed unit on, then returns the buffers to the pools. Workers never wait for each other.
    /// </summary>
    private sealed class OrderedMerger(
        SimulationPlan plan, IReadOnlyList<WorkUnit> units, List<int> itemUnit, Action<WorkUnit, PointAccumulator> onUnit,
        ITrialSink? sink, Action<long>? progress,
        ConcurrentBag<PointAccumulator>[] accumulatorPools, ConcurrentBag<TrialBlock> blockPool)
    {
        private readonly Dictionary<long, (int Truth, PointAccumulator Accumulator, TrialBlock? Trials)> _pending = [];
        private readonly object _gate = new();
        private readonly PointAccumulator?[] _unitTotals = new PointAccumulator?[plan.Scenario.Points.Length];
        private long _nextToMerge;

        public void Complete(long item, int truth, PointAccumulator accumulator, TrialBlock? trials)
        {
            lock (_gate)
            {
                _pending[item] = (truth, accumulator, trials);
                long merged = 0;
                while (_pending.Remove(_nextToMerge, out var ready))
                {
                    var unitTotal = _unitTotals[ready.Truth] ??= NewAccumulator(plan, ready.Truth);
                    unitTotal.Merge(ready.Accumulator);
                    if (ready.Trials is not null) sink!.Write(ready.Trials);
                    merged += ready.Accumulator.Replicates;
                    int unit = itemUnit[(int)_nextToMerge];
                    _nextToMerge++;
                    if (_nextToMerge == itemUnit.Count || itemUnit[(int)_nextToMerge] != unit)
                    {
                        onUnit(units[unit], unitTotal);
                        unitTotal.Clear();
                    }
                    ready.Accumulator.Clear();
                    accumulatorPools[ready.Truth].Add(ready.Accumulator);
                    if (ready.Trials is not null) blockPool.Add(ready.Trials);
                }
                if (merged > 0) progress?.Invoke(merged);
            }
        }
    }
}

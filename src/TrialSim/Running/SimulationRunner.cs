using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using TrialSim.Aggregation;
using TrialSim.Analyses;
using TrialSim.Scenarios;

namespace TrialSim.Running;

/// <summary>
/// Runs every replicate of every scenario point in parallel and aggregates as it streams.
/// </summary>
/// <remarks>
/// Work is cut into fixed blocks of replicates. Each block is simulated by whichever worker takes
/// it, into its own accumulator; blocks are then merged strictly in (point, block) order. Random
/// numbers are keyed by replicate and block boundaries do not depend on the thread count, so the
/// output is bit-identical for any number of threads. Memory is bounded by the blocks in flight.
/// </remarks>
public static class SimulationRunner
{
    public const int BlockSize = 256;

    public static SimulationResult Run(Scenario scenario, RunOptions? options = null)
    {
        options ??= new RunOptions();
        int replicates = options.Replicates ?? scenario.Replicates;
        ulong seed = options.Seed ?? scenario.Seed;
        if (replicates <= 0) throw new ArgumentOutOfRangeException(nameof(options), replicates, "replicates must be positive");
        int threads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
        var stopwatch = Stopwatch.StartNew();

        var plan = SimulationPlan.Compile(scenario, seed);
        var points = scenario.Points;
        var analyses = scenario.Analyses;
        int capacity = plan.Capacity;
        int arms = plan.ArmCount;
        int blocksPerPoint = (replicates + BlockSize - 1) / BlockSize;
        long totalBlocks = (long)blocksPerPoint * points.Length;
        var trueValues = plan.TrueValues;
        var totals = new PointAccumulator[points.Length];
        for (int p = 0; p < points.Length; p++) totals[p] = new PointAccumulator(capacity, trueValues[p], arms, plan.LookCount);

        var accumulatorPools = new ConcurrentBag<PointAccumulator>[points.Length];
        for (int p = 0; p < points.Length; p++) accumulatorPools[p] = [];
        var blockPool = new ConcurrentBag<TrialBlock>();
        var merger = new OrderedMerger(totals, options.Trials, options.Progress, (long)replicates * points.Length, accumulatorPools, blockPool);

        long nextItem = -1;
        Exception? failure = null;
        void Work()
        {
            try
            {
                var workspace = new TrialWorkspace(plan);
                long item;
                while ((item = Interlocked.Increment(ref nextItem)) < totalBlocks && Volatile.Read(ref failure) is null)
                {
                    options.Cancellation.ThrowIfCancellationRequested();
                    int p = (int)(item / blocksPerPoint);
                    int block = (int)(item % blocksPerPoint);
                    int first = block * BlockSize;
                    int count = Math.Min(BlockSize, replicates - first);
                    if (!accumulatorPools[p].TryTake(out var accumulator)) accumulator = new PointAccumulator(capacity, trueValues[p], arms, plan.LookCount);
                    TrialBlock? trials = null;
                    if (options.Trials is not null)
                    {
                        if (!blockPool.TryTake(out trials)) trials = new TrialBlock(BlockSize, analyses.Length);
                        trials.TruthIndex = p;
                        trials.FirstReplicate = first;
                        trials.Count = count;
                    }
                    for (int r = 0; r < count; r++)
                    {
                        uint replicate = (uint)(first + r);
                        // Stream group 0 for every point: common random numbers across truths.
                        var outcome = TrialSimulator.Simulate(plan, p, replicate, workspace);
                        accumulator.Add(outcome, workspace.Results, workspace.Observed.Arms, workspace.Looks);
                        if (trials is not null)
                        {
                            trials.Outcomes[r] = outcome;
                            workspace.Results.CopyTo(trials.Results.AsSpan(r * analyses.Length));
                        }
                    }
                    merger.Complete(item, p, accumulator, trials);
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

        var rows = ImmutableArray.CreateBuilder<OperatingCharacteristics>(points.Length * analyses.Length);
        for (int p = 0; p < points.Length; p++)
            for (int a = 0; a < analyses.Length; a++)
                rows.Add(OperatingCharacteristics.From(p, points[p].Name, analyses[a], totals[p], a));
        var armRows = ImmutableArray.CreateBuilder<ArmCharacteristics>(points.Length * arms);
        for (int p = 0; p < points.Length; p++)
            for (int a = 0; a < arms; a++)
                armRows.Add(ArmCharacteristics.From(p, points[p].Name, a, scenario.Arms[a].Name, totals[p].Replicates, totals[p].Arms[a]));
        var lookRows = plan.Monitor is null ? [] : Enumerable.Range(0, points.Length)
            .SelectMany(p => LookCharacteristics.From(p, points[p].Name, totals[p].Replicates, totals[p].Looks)).ToImmutableArray();
        return new SimulationResult(scenario, seed, replicates, rows.MoveToImmutable(), stopwatch.Elapsed)
        {
            ArmRows = armRows.MoveToImmutable(),
            LookRows = lookRows,
        };
    }

    /// <summary>
    /// Merges finished blocks into the totals in item order, whatever order they finish in, then
    /// hands their buffers back to the pools. Workers never wait for each other.
    /// </summary>
    private sealed class OrderedMerger(
        PointAccumulator[] totals, ITrialSink? sink, Action<long, long>? progress, long totalTrials,
        ConcurrentBag<PointAccumulator>[] accumulatorPools, ConcurrentBag<TrialBlock> blockPool)
    {
        private readonly Dictionary<long, (int Point, PointAccumulator Accumulator, TrialBlock? Trials)> _pending = [];
        private readonly object _gate = new();
        private long _nextToMerge;
        private long _trialsDone;

        public void Complete(long item, int point, PointAccumulator accumulator, TrialBlock? trials)
        {
            lock (_gate)
            {
                _pending[item] = (point, accumulator, trials);
                bool merged = false;
                while (_pending.Remove(_nextToMerge, out var ready))
                {
                    totals[ready.Point].Merge(ready.Accumulator);
                    if (ready.Trials is not null) sink!.Write(ready.Trials);
                    _trialsDone += ready.Accumulator.Replicates;
                    _nextToMerge++;
                    merged = true;
                    ready.Accumulator.Clear();
                    accumulatorPools[ready.Point].Add(ready.Accumulator);
                    if (ready.Trials is not null) blockPool.Add(ready.Trials);
                }
                if (merged) progress?.Invoke(_trialsDone, totalTrials);
            }
        }
    }
}

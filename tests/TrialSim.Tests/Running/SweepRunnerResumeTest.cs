using TrialSim.Running;
using TrialSim.Scenarios;
using TrialSim.Sinks;
using TrialSim.Sweeps;
using TrialSim.Tests.Cli;
using TrialSim.Tests.Sweeps;

namespace TrialSim.Tests.Running;

/// <summary>A sweep cancelled part-way and resumed from its checkpoints computes only the missing
/// units and writes the same bytes as a run never interrupted.</summary>
public class SweepRunnerResumeTest
{
    // 2 points x 2 truths x 2 chunks = 8 units of 4,096 trials.
    private const int Replicates = 2 * SimulationRunner.ChunkReplicates;
    private const int Units = 8;
    private const int Chunk = SimulationRunner.ChunkReplicates;
    private static readonly string Text = SweepExamples.WithSweep("sweep:\n  grid:\n    n: {field: accrual.target, values: [20, 24]}");
    private static readonly Sweep Sweep = SweepLoader.Parse(Text, "sweep.yaml");
    private static readonly ulong Seed = Sweep.First.Seed;
    private static readonly Dictionary<string, string> Metadata = RunMetadata.For(Sweep, Seed, Replicates, ScenarioLoader.Hash(Text));

    private static CheckpointStore Store(string directory) => new(directory, RunMetadata.Identity(Seed, Replicates, ScenarioLoader.Hash(Text)));

    /// <summary>Runs on one thread until <paramref name="stopAfterTrials"/> trials are done, then cancels; returns the store.</summary>
    private static CheckpointStore RunAndCancel(string directory, long stopAfterTrials)
    {
        var store = Store(directory);
        store.Begin(resume: false);
        using var cancellation = new CancellationTokenSource();
        var options = new SweepRunOptions(Replicates, Threads: 1, Cancellation: cancellation.Token)
        {
            Checkpoints = store,
            Progress = progress => { if (progress.TrialsDone >= stopAfterTrials) cancellation.Cancel(); },
        };
        Assert.ThrowsAny<OperationCanceledException>(() => SweepRunner.Run(Sweep, options));
        return store;
    }

    private static void WriteUninterrupted(string directory)
    {
        var result = SweepRunner.Run(Sweep, new SweepRunOptions(Replicates, Threads: 2))!;
        RunOutput.Write(result, directory, Metadata);
    }

    [Fact]
    public void Cancelled_run_keeps_the_finished_units_and_writes_no_results()
    {
        using var directory = new TemporaryDirectory();
        var store = RunAndCancel(directory.Path, stopAfterTrials: 3 * Chunk);
        Assert.Equal(3, store.Count); // one thread stops before its next block
        Assert.Empty(ResultFiles.In(directory.Path));
        Assert.Empty(Directory.GetFiles(directory.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Resumed_run_computes_only_the_missing_units_and_leaves_the_others_untouched()
    {
        using var directory = new TemporaryDirectory();
        var store = RunAndCancel(directory.Path, stopAfterTrials: 5 * Chunk);
        int before = store.Count;
        Assert.InRange(before, 1, Units - 1);
        var kept = Directory.GetFiles(Path.Combine(directory.Path, CheckpointStore.UnitsFolder), "*.unit")
            .ToDictionary(f => f, File.ReadAllBytes);
        var stamps = kept.Keys.ToDictionary(f => f, File.GetLastWriteTimeUtc);

        RunProgress last = default;
        var resumed = Store(directory.Path);
        resumed.Begin(resume: true);
        var result = SweepRunner.Run(Sweep, new SweepRunOptions(Replicates, Threads: 2)
        {
            Checkpoints = resumed,
            Resume = true,
            Progress = progress => last = progress,
        });

        Assert.NotNull(result);
        Assert.Equal(Units, resumed.Count);
        Assert.Equal((long)(Units - before) * Chunk, last.TrialsTotal);
        Assert.Equal(last.TrialsTotal, last.TrialsDone);
        foreach (var (file, bytes) in kept)
        {
            Assert.Equal(bytes, File.ReadAllBytes(file));
            Assert.Equal(stamps[file], File.GetLastWriteTimeUtc(file));
        }
    }

    [Fact]
    public void Resumed_run_writes_the_same_bytes_as_an_uninterrupted_run()
    {
        using var directory = new TemporaryDirectory();
        string interrupted = directory.File("interrupted");
        RunAndCancel(interrupted, stopAfterTrials: 5 * Chunk);
        var store = Store(interrupted);
        store.Begin(resume: true);
        var result = SweepRunner.Run(Sweep, new SweepRunOptions(Replicates, Threads: 2) { Checkpoints = store, Resume = true })!;
        RunOutput.Write(result, interrupted, Metadata);

        WriteUninterrupted(directory.File("uninterrupted"));
        ResultFiles.AssertIdentical(directory.File("uninterrupted"), interrupted, "resumed vs uninterrupted");
    }

    [Fact]
    public void Resuming_a_finished_run_computes_nothing_and_gives_the_same_result()
    {
        using var directory = new TemporaryDirectory();
        var store = Store(directory.Path);
        store.Begin(resume: false);
        var first = SweepRunner.Run(Sweep, new SweepRunOptions(Replicates, Threads: 2) { Checkpoints = store })!;
        RunProgress? progress = null;
        var again = SweepRunner.Run(Sweep, new SweepRunOptions(Replicates, Threads: 2)
        {
            Checkpoints = store,
            Resume = true,
            Progress = p => progress = p,
        })!;
        Assert.Null(progress);
        Assert.Equal(first.Points.SelectMany(p => p.Rows), again.Points.SelectMany(p => p.Rows));
    }

    [Fact]
    public void Run_without_resume_recomputes_every_unit()
    {
        using var directory = new TemporaryDirectory();
        RunAndCancel(directory.Path, stopAfterTrials: 3 * Chunk);
        var store = Store(directory.Path);
        store.Begin(resume: false);
        Assert.Equal(0, store.Count);
        RunProgress last = default;
        SweepRunner.Run(Sweep, new SweepRunOptions(Replicates, Threads: 2) { Checkpoints = store, Progress = p => last = p });
        Assert.Equal((long)Units * Chunk, last.TrialsTotal);
    }
}

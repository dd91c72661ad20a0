namespace TrialSim.Tests.Sweeps;

/// <summary>Sweep files shared by the sweep, checkpoint, shard and resume tests: one small base
/// scenario with a <c>sweep</c> section appended.</summary>
internal static class SweepExamples
{
    /// <summary>A single-arm scenario with two truths and dropout; its 11 lines put an appended
    /// sweep section's <c>sweep:</c> key on line 12.</summary>
    public const string Base = """
        name: sweep
        seed: 11
        replicates: 600
        accrual: {target: 20, rate: 2}
        dropout: {exponential: {rate: 0.01}}
        analysis_time: {after_last_patient: 12}
        truths:
          H0: {progression: {exponential: {median: 12}}}
          H1: {progression: {exponential: {rate: 0.03}}}
        analyses:
          - {name: km, type: km_landmark, landmark: 12, null_survival: 0.5, alpha: 0.1}
        """;

    /// <summary>The line of the <c>sweep:</c> key in <see cref="WithSweep"/>.</summary>
    public const int SweepLine = 12;

    /// <summary><see cref="Base"/> with <paramref name="section"/> (starting <c>sweep:</c>) appended.</summary>
    public static string WithSweep(string section) => Base + "\n" + section;

    /// <summary>A grid of sample size (3 values) by H1 progression model (2 cases), crossed with a
    /// zip of accrual rate and alpha (2 pairs): 12 points.</summary>
    public static readonly string Grid = WithSweep("""
        sweep:
          grid:
            n: {field: accrual.target, from: 20, to: 30, step: 5}
            shape:
              field: truths.H1.progression
              cases:
                exponential: {exponential: {rate: 0.05}}
                weibull: {weibull: {shape: 0.8, scale: 20}}
          zip:
            rate: {field: accrual.rate, values: [1, 2]}
            alpha: {field: "analyses[0].alpha", values: [0.05, 0.1]}
        """);

    /// <summary>Four points over the sample size: small enough to run many times in a test.</summary>
    public static readonly string SampleSizes = WithSweep("""
        sweep:
          grid:
            n: {field: accrual.target, values: [20, 24, 28, 32]}
        """);

    /// <summary>A group-sequential two-arm log-rank design (interim looks, so looks.parquet is
    /// written) over two sample sizes.</summary>
    public const string GroupSequential = """
        name: gsd sweep
        seed: 5
        replicates: 300
        arms:
          - {name: control}
          - {name: experimental}
        randomisation: {blocks: [2, 4]}
        accrual: {target: 120, rate: 10}
        analysis_time: {events: 60}
        truths:
          H0:
            control: {progression: {exponential: {median: 12}}}
            experimental: {progression: {exponential: {median: 12}}}
          H1:
            control: {progression: {exponential: {median: 12}}}
            experimental: {progression: {exponential: {median: 18}}}
        analyses:
          - {name: logrank, type: logrank, experimental: experimental, control: control, alpha: 0.025}
        interim:
          monitor: logrank
          looks:
            - {information: 0.5}
          group_sequential:
            efficacy: {spending: obrien_fleming}
            futility: {beta_spending: obrien_fleming, beta: 0.2, design_hazard_ratio: 0.7}
        sweep:
          grid:
            n: {field: accrual.target, values: [100, 120]}
        """;

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> and returns the path.</summary>
    public static string Write(string path, string text)
    {
        File.WriteAllText(path, text);
        return path;
    }
}

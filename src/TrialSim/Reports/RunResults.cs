using System.Collections.Immutable;

namespace TrialSim.Reports;

/// <summary>
/// A run's results read back from its Parquet files: one model that every figure, table and the
/// paragraph read from (they never reread the files).
/// </summary>
/// <param name="SummaryPath">The summary.parquet read.</param>
/// <param name="Arms">Rows of arms.parquet; empty when absent.</param>
/// <param name="Looks">Rows of looks.parquet; empty when the design has no interim looks.</param>
/// <param name="Notes">What could not be used and why (a sibling file from another run, ...), for the reader of the report.</param>
public sealed record RunResults(
    string SummaryPath,
    RunProvenance Provenance,
    ImmutableArray<SummaryRow> Summary,
    ImmutableArray<ArmRow> Arms,
    ImmutableArray<LookRow> Looks,
    ImmutableArray<string> Notes)
{
    /// <summary>The directory holding the results (and, when present, scenario.yaml).</summary>
    public string Directory => Path.GetDirectoryName(Path.GetFullPath(SummaryPath))!;

    public bool IsSweep => Provenance.IsSweep;

    /// <summary>Analysis names in file order.</summary>
    public ImmutableArray<string> AnalysisNames => [.. Summary.Select(r => r.Analysis).Distinct()];

    /// <summary>Truth names in truth-index order.</summary>
    public ImmutableArray<string> TruthNames => [.. Summary.OrderBy(r => r.Key.TruthIndex).Select(r => r.Key.Truth).Distinct()];

    /// <summary>The first sweep axis whose values are all numbers (the power plot's x), or null.</summary>
    public string? FirstNumericAxis =>
        Provenance.SweepAxes.FirstOrDefault(axis => Summary.All(r => r.Key.Coordinates.Any(c => c.Axis == axis && c.Number is not null)));
}

using TrialSim.Scenarios;
using TrialSim.Sweeps;
using TrialSim.Tests.Scenarios;

namespace TrialSim.Tests.Sweeps;

/// <summary>Each bad sweep section gives a ScenarioException naming the line, the field and the expected form.</summary>
public class SweepLoaderErrorTest
{
    // SweepExamples.WithSweep puts 'sweep:' on line 12; the section's lines follow from there.
    private const int Sweep = SweepExamples.SweepLine;

    private static string Grid(params string[] axes) =>
        SweepExamples.WithSweep("sweep:\n  grid:\n" + string.Concat(axes.Select(a => $"    {a}\n")));

    private static string Target(string values) => Grid($"n: {{field: accrual.target, {values}}}");

    private static void Load(string text, string file) => SweepLoader.Parse(text, file);

    public static TheoryData<string, string, int, string, string> Cases => new()
    {
        // case, yaml, line, field, fragment of the expected form
        { "no axes", SweepExamples.WithSweep("sweep: {}"), Sweep, "sweep", "with at least one axis" },
        { "unknown group", SweepExamples.WithSweep("sweep: {cross: {}}"), Sweep, "sweep.cross", "one of: grid, zip" },
        { "empty grid", SweepExamples.WithSweep("sweep:\n  grid: {}"), Sweep + 1, "sweep.grid", "a mapping from axis names to axes" },
        { "empty range", Target("from: 40, to: 20, step: 5"), Sweep + 2, "sweep.grid.n.to", "B >= A" },
        { "zero step", Target("from: 20, to: 40, step: 0"), Sweep + 2, "sweep.grid.n.step", "a step > 0" },
        { "negative step", Target("from: 40, to: 20, step: -5"), Sweep + 2, "sweep.grid.n.step", "a step > 0" },
        { "range without step", Target("from: 20, to: 40"), Sweep + 2, "sweep.grid.n.step", "{from: A, to: B, step: S}" },
        { "range of too many values", Target("from: 1, to: 1000000, step: 1"), Sweep + 2, "sweep.grid.n.step", "at most 100,000 values on one axis" },
        { "range step lost in rounding", Grid("r: {field: accrual.rate, from: 1, to: 1.0000000000001, step: 0.00000000000002}"), Sweep + 2, "sweep.grid.r.step", "a step that changes the 12th significant digit" },
        { "empty values list", Target("values: []"), Sweep + 2, "sweep.grid.n.values", "a non-empty list" },
        { "mapping in a values list", Target("values: [20, {n: 30}]"), Sweep + 2, "sweep.grid.n.values[1]", "single values" },
        { "list in a values list", Target("values: [[20, 30]]"), Sweep + 2, "sweep.grid.n.values[0]", "single values" },
        { "null in a values list", Target("values: [20, ~]"), Sweep + 2, "sweep.grid.n.values[1]", "single values" },
        { "repeated value", Target("values: [20, 30, 20.0]"), Sweep + 2, "sweep.grid.n.values[2]", "each value once" },
        { "empty cases", Grid("shape: {field: truths.H1.progression, cases: {}}"), Sweep + 2, "sweep.grid.shape.cases", "a non-empty mapping" },
        { "values and range", Target("values: [20], from: 20"), Sweep + 2, "sweep.grid.n.from", "{field: PATH, from: A, to: B, step: S}" },
        { "step with values", Target("values: [20, 30], step: 5"), Sweep + 2, "sweep.grid.n.step", "{field: PATH, from: A, to: B, step: S}" },
        { "no values", Grid("n: {field: accrual.target}"), Sweep + 2, "sweep.grid.n", "{field: PATH, values: [v1, v2, ...]}" },
        { "no field", Grid("n: {values: [20, 30]}"), Sweep + 2, "sweep.grid.n.field", "a field path" },
        { "unknown axis key", Target("values: [20], steps: 5"), Sweep + 2, "sweep.grid.n.steps", "one of: field, values, cases, from, to, step" },
        { "malformed field path", Grid("n: {field: accrual..target, values: [20]}"), Sweep + 2, "sweep.grid.n.field", "keys joined by dots" },
        { "unknown field", Grid("n: {field: accrual.targt, values: [20]}"), Sweep + 2, "sweep.grid.n.field", "a field given in the scenario" },
        { "field of an absent section", Grid("n: {field: follow_up.max_per_patient, values: [24]}"), Sweep + 2, "sweep.grid.n.field", "a field given in the scenario" },
        { "list index past the end", Grid("a: {field: \"analyses[1].alpha\", values: [0.05]}"), Sweep + 2, "sweep.grid.a.field", "a field given in the scenario" },
        { "seed swept", Grid("s: {field: seed, values: [1, 2]}"), Sweep + 2, "sweep.grid.s.field", "a field other than name, description, seed, replicates" },
        { "replicates swept", Grid("r: {field: replicates, values: [100, 200]}"), Sweep + 2, "sweep.grid.r.field", "a field other than name, description, seed, replicates" },
        { "name swept", Grid("t: {field: name, values: [a, b]}"), Sweep + 2, "sweep.grid.t.field", "a field other than name, description, seed, replicates" },
        { "description swept", Grid("d: {field: description, values: [a, b]}"), Sweep + 2, "sweep.grid.d.field", "a field other than name, description, seed, replicates" },
        { "field swept twice", Grid("n: {field: accrual.target, values: [20]}", "m: {field: accrual.target, values: [30]}"), Sweep + 3, "sweep.grid.m.field", "each field swept by one axis" },
        { "field swept inside a swept field", Grid("a: {field: accrual, cases: {slow: {target: 20, rate: 1}}}", "n: {field: accrual.target, values: [30]}"), Sweep + 3, "sweep.grid.n.field", "each field swept by one axis" },
        { "field swept around a swept field", Grid("n: {field: accrual.target, values: [30]}", "a: {field: accrual, cases: {slow: {target: 20, rate: 1}}}"), Sweep + 3, "sweep.grid.a.field", "each field swept by one axis" },
        { "field swept in grid and zip", SweepExamples.WithSweep("sweep:\n  grid:\n    n: {field: accrual.rate, values: [1]}\n  zip:\n    r: {field: accrual.rate, values: [2]}"), Sweep + 4, "sweep.zip.r.field", "each field swept by one axis" },
        { "axis named point", Grid("point: {field: accrual.target, values: [20]}"), Sweep + 2, "sweep.grid.point", "an axis name other than point, point_label, truth" },
        { "axis named truth", Grid("truth: {field: accrual.target, values: [20]}"), Sweep + 2, "sweep.grid.truth", "an axis name other than point" },
        { "axis named replicates", Grid("replicates: {field: accrual.target, values: [20]}"), Sweep + 2, "sweep.grid.replicates", "an axis name other than point" },
        { "axis name with a hyphen", Grid("sample-size: {field: accrual.target, values: [20]}"), Sweep + 2, "sweep.grid.sample-size", "letters, digits and underscores" },
        { "axis name starting with a digit", Grid("2n: {field: accrual.target, values: [20]}"), Sweep + 2, "sweep.grid.2n", "starting with a letter" },
        { "axis name in grid and zip", SweepExamples.WithSweep("sweep:\n  grid:\n    n: {field: accrual.target, values: [20]}\n  zip:\n    n: {field: accrual.rate, values: [2]}"), Sweep + 4, "sweep.zip.n", "each axis name once across grid and zip" },
        { "zip lengths differ", SweepExamples.WithSweep("sweep:\n  zip:\n    rate: {field: accrual.rate, values: [1, 2]}\n    alpha: {field: \"analyses[0].alpha\", values: [0.05, 0.1, 0.2]}"), Sweep + 3, "sweep.zip.alpha", "zipped axes with the same number of values" },
        { "too many points", Grid("a: {field: accrual.rate, from: 1, to: 1001, step: 1}", "b: {field: dropout.exponential.rate, from: 1, to: 1001, step: 1}"), Sweep + 1, "sweep", "at most 1,000,000 points" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_sweep_names_line_field_and_expected_form(string @case, string yaml, int line, string field, string expected) =>
        ScenarioText.AssertNamesLineFieldAndExpectedForm(@case, yaml, line, field, expected, Load);

    [Fact]
    public void Empty_range_says_which_end_is_which()
    {
        var error = Assert.Throws<ScenarioException>(() => SweepLoader.Parse(Target("from: 40, to: 20, step: 5"), "bad.yaml"));
        Assert.Contains("to (20) is below from (40)", error.Problem);
    }

    [Fact]
    public void Unknown_field_names_the_part_that_exists()
    {
        var error = Assert.Throws<ScenarioException>(() => SweepLoader.Parse(Grid("n: {field: accrual.targt, values: [20]}"), "bad.yaml"));
        Assert.Contains("no field 'accrual.targt' ('accrual' exists)", error.Problem);
    }

    [Fact]
    public void Too_many_points_says_how_many()
    {
        var error = Assert.Throws<ScenarioException>(() => SweepLoader.Parse(
            Grid("a: {field: accrual.rate, from: 1, to: 1001, step: 1}", "b: {field: dropout.exponential.rate, from: 1, to: 1001, step: 1}"), "bad.yaml"));
        Assert.Contains("1,002,001 points", error.Problem);
    }

    // Errors a swept value causes in the scenario are found before anything runs, and point at the value.

    public static TheoryData<string, string, int, string, string, string> PointCases => new()
    {
        // case, yaml, line, field, fragment of the expected form, the point named
        {
            "sample size 0 in a block list",
            SweepExamples.WithSweep("sweep:\n  grid:\n    n:\n      field: accrual.target\n      values:\n        - 20\n        - 0"),
            Sweep + 6, "accrual.target", "a positive whole number", "at sweep point 1: n=0"
        },
        {
            "fractional sample size from a range",
            Target("from: 10, to: 15, step: 2.5"), Sweep + 2, "accrual.target", "a positive whole number", "at sweep point 1: n=12.5"
        },
        {
            "negative Weibull shape in a case",
            SweepExamples.WithSweep("sweep:\n  grid:\n    n: {field: accrual.target, values: [20, 30]}\n    shape:\n      field: truths.H1.progression\n      cases:\n        exponential: {exponential: {rate: 0.05}}\n        bad: {weibull: {shape: -0.8, scale: 20}}"),
            Sweep + 7, "truths.H1.progression.weibull.shape", "a shape > 0", "at sweep point 1: n=20, shape=bad"
        },
        {
            "alpha above 1 in a zip",
            SweepExamples.WithSweep("sweep:\n  grid:\n    n: {field: accrual.target, values: [20, 30]}\n  zip:\n    rate: {field: accrual.rate, values: [1, 2]}\n    alpha:\n      field: \"analyses[0].alpha\"\n      values:\n        - 0.05\n        - 1.5"),
            Sweep + 9, "analyses[0].alpha", "", "at sweep point 1: n=20, rate=2, alpha=1.5"
        },
        {
            "zero accrual rate on the second grid axis",
            Grid("n: {field: accrual.target, values: [20, 30]}", "rate: {field: accrual.rate, values: [1, 0]}"),
            Sweep + 3, "accrual.rate", "an accrual rate > 0", "at sweep point 1: n=20, rate=0"
        },
    };

    [Theory]
    [MemberData(nameof(PointCases))]
    public void Swept_value_that_breaks_a_point_is_located_at_the_value_and_names_the_point(
        string @case, string yaml, int line, string field, string expected, string point)
    {
        var error = ScenarioText.AssertNamesLineFieldAndExpectedForm(@case, yaml, line, field, expected, Load);
        Assert.Contains($"({point})", error.Problem);
    }

    [Fact]
    public void Swept_value_error_points_at_the_value_column()
    {
        string yaml = Target("values: [20, 0]");
        var error = Assert.Throws<ScenarioException>(() => SweepLoader.Parse(yaml, "bad.yaml"));
        string line = yaml.Split('\n')[error.Line - 1];
        Assert.Equal(line.IndexOf("0]", StringComparison.Ordinal) + 1, error.Column);
    }

    [Fact]
    public void Scenario_loader_refuses_a_sweep_and_names_the_sweep_loader()
    {
        ScenarioText.AssertNamesLineFieldAndExpectedForm("sweep given to ScenarioLoader", SweepExamples.Grid, Sweep, "sweep", "load sweeps with SweepLoader");
    }
}

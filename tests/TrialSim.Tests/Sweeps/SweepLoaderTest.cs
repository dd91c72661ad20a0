using TrialSim.Distributions;
using TrialSim.Scenarios;
using TrialSim.Sweeps;

namespace TrialSim.Tests.Sweeps;

/// <summary>How a sweep section expands into points: their order, labels and scenarios.</summary>
public class SweepLoaderTest
{
    private static Sweep Load(string text) => SweepLoader.Parse(text, "sweep.yaml");

    private static string Axis(string field, string values) => SweepExamples.WithSweep($$"""
        sweep:
          grid:
            x: {field: {{field}}, {{values}}}
        """);

    [Fact]
    public void Grid_points_run_first_axis_slowest_and_zip_fastest()
    {
        var sweep = Load(SweepExamples.Grid);
        Assert.Equal(["n", "shape", "rate", "alpha"], sweep.Axes.Select(a => a.Name));
        Assert.Equal([false, false, true, true], sweep.Axes.Select(a => a.Zipped));
        Assert.Equal(3 * 2 * 2, sweep.Points.Length);
        Assert.Equal(Enumerable.Range(0, 12), sweep.Points.Select(p => p.Index));
        Assert.Equal(
        [
            "n=20, shape=exponential, rate=1, alpha=0.05", "n=20, shape=exponential, rate=2, alpha=0.1",
            "n=20, shape=weibull, rate=1, alpha=0.05", "n=20, shape=weibull, rate=2, alpha=0.1",
            "n=25, shape=exponential, rate=1, alpha=0.05", "n=25, shape=exponential, rate=2, alpha=0.1",
            "n=25, shape=weibull, rate=1, alpha=0.05", "n=25, shape=weibull, rate=2, alpha=0.1",
            "n=30, shape=exponential, rate=1, alpha=0.05", "n=30, shape=exponential, rate=2, alpha=0.1",
            "n=30, shape=weibull, rate=1, alpha=0.05", "n=30, shape=weibull, rate=2, alpha=0.1",
        ], sweep.Points.Select(p => p.Label));
    }

    [Fact]
    public void Each_point_scenario_holds_its_swept_values()
    {
        var sweep = Load(SweepExamples.Grid);
        foreach (var point in sweep.Points)
        {
            var scenario = point.Scenario;
            Assert.Equal(20 + 5 * (point.Index / 4), scenario.Accrual.TargetSampleSize);
            var h1 = scenario.Points.Single(t => t.Name == "H1").Arms[0].Progression;
            if (point.Index / 2 % 2 == 0) Assert.Equal(0.05, Assert.IsType<ExponentialModel>(h1).Rate);
            else
            {
                var weibull = Assert.IsType<WeibullModel>(h1);
                Assert.Equal((0.8, 20.0), (weibull.Shape, weibull.Scale));
            }
            bool second = point.Index % 2 == 1;
            Assert.Equal(second ? 2.0 : 1.0, Assert.Single(scenario.Accrual.Rate.Rates));
            Assert.Equal(second ? 0.1 : 0.05, scenario.Analyses[0].Alpha);
        }
    }

    [Fact]
    public void Unswept_fields_keep_their_base_values_at_every_point()
    {
        var single = ScenarioLoader.Parse(SweepExamples.Base, "base.yaml");
        foreach (var point in Load(SweepExamples.Grid).Points)
        {
            var scenario = point.Scenario;
            Assert.Equal((single.Name, single.Seed, single.Replicates), (scenario.Name, scenario.Seed, scenario.Replicates));
            Assert.Equal(single.Dropout, scenario.Dropout);
            Assert.Equal(single.AnalysisTime, scenario.AnalysisTime);
            Assert.Equal(single.Points[0].Arms[0], scenario.Points[0].Arms[0]);
            // The default confidence level follows alpha.
            var swept = scenario.Analyses[0];
            Assert.Equal(single.Analyses[0] with { Alpha = swept.Alpha, ConfidenceLevel = swept.ConfidenceLevel }, swept);
        }
    }

    [Fact]
    public void Parsing_the_same_text_twice_gives_the_same_index_to_label_map()
    {
        var first = Load(SweepExamples.Grid).Points.Select(p => (p.Index, p.Label));
        var second = Load(SweepExamples.Grid).Points.Select(p => (p.Index, p.Label));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Decimal_range_gives_exactly_the_written_decimals()
    {
        var axis = Assert.Single(Load(Axis("dropout.exponential.rate", "from: 0.1, to: 0.5, step: 0.1")).Axes);
        Assert.Equal([0.1, 0.2, 0.3, 0.4, 0.5], axis.Values.Select(v => v.Number!.Value));
        Assert.Equal(["0.1", "0.2", "0.3", "0.4", "0.5"], axis.Values.Select(v => v.Label));
    }

    [Fact]
    public void Decimal_range_values_reach_the_scenarios_exactly()
    {
        var rates = Load(Axis("dropout.exponential.rate", "from: 0.1, to: 0.5, step: 0.1")).Points
            .Select(p => Assert.IsType<ExponentialModel>(p.Scenario.Dropout).Rate);
        Assert.Equal([0.1, 0.2, 0.3, 0.4, 0.5], rates);
    }

    [Fact]
    public void Integer_range_includes_its_end_and_labels_without_decimals()
    {
        var sweep = Load(Axis("accrual.target", "from: 20, to: 40, step: 5"));
        Assert.Equal([20, 25, 30, 35, 40], sweep.Points.Select(p => p.Scenario.Accrual.TargetSampleSize));
        Assert.Equal(["x=20", "x=25", "x=30", "x=35", "x=40"], sweep.Points.Select(p => p.Label));
        Assert.True(Assert.Single(sweep.Axes).IsNumeric);
    }

    [Fact]
    public void Range_stops_at_the_last_step_not_past_the_end()
    {
        var sweep = Load(Axis("accrual.target", "from: 20, to: 29, step: 5"));
        Assert.Equal([20, 25], sweep.Points.Select(p => p.Scenario.Accrual.TargetSampleSize));
    }

    [Fact]
    public void Range_of_one_value_when_from_equals_to()
    {
        var sweep = Load(Axis("accrual.target", "from: 30, to: 30, step: 5"));
        Assert.Equal(30, Assert.Single(sweep.Points).Scenario.Accrual.TargetSampleSize);
    }

    [Fact]
    public void Zipped_axes_move_together_as_one_axis()
    {
        var sweep = Load(SweepExamples.WithSweep("""
            sweep:
              zip:
                rate: {field: accrual.rate, values: [1, 2, 4]}
                alpha: {field: "analyses[0].alpha", values: [0.01, 0.05, 0.1]}
            """));
        Assert.Equal(3, sweep.Points.Length);
        Assert.Equal([(1.0, 0.01), (2.0, 0.05), (4.0, 0.1)],
            sweep.Points.Select(p => (p.Scenario.Accrual.Rate.Rates[0], p.Scenario.Analyses[0].Alpha)));
        Assert.Equal("rate=2, alpha=0.05", sweep.Points[1].Label);
    }

    [Fact]
    public void Text_values_make_a_text_axis()
    {
        var sweep = Load(SweepExamples.WithSweep("""
            sweep:
              grid:
                label: {field: "analyses[0].name", values: [km, landmark]}
            """));
        var axis = Assert.Single(sweep.Axes);
        Assert.False(axis.IsNumeric);
        Assert.Equal(["km", "landmark"], sweep.Points.Select(p => p.Scenario.Analyses[0].Name));
        Assert.All(axis.Values, v => Assert.Null(v.Number));
    }

    [Fact]
    public void Cases_axis_is_labelled_by_case_names()
    {
        var sweep = Load(SweepExamples.Grid);
        var shape = sweep.Axes[sweep.AxisIndex("shape")];
        Assert.False(shape.IsNumeric);
        Assert.Equal(["exponential", "weibull"], shape.Values.Select(v => v.Label));
        Assert.Equal(["weibull"], sweep.Points.Where(p => p.Scenario.Points[1].Arms[0].Progression is WeibullModel)
            .Select(p => p.Values[1].Label).Distinct());
    }

    [Fact]
    public void File_without_sweep_is_one_point_with_no_axes()
    {
        var sweep = Load(SweepExamples.Base);
        Assert.False(sweep.HasAxes);
        var point = Assert.Single(sweep.Points);
        Assert.Equal((0, ""), (point.Index, point.Label));
        Assert.Empty(point.Values);
        Assert.Equal(20, point.Scenario.Accrual.TargetSampleSize);
        Assert.Equal(-1, sweep.AxisIndex("n"));
    }
}

using TrialSim.Scenarios;

namespace TrialSim.Tests.Scenarios;

/// <summary>Each bad input gives a ScenarioException naming the line, the field and the expected form.</summary>
public class ScenarioLoaderErrorTests
{
    // ScenarioExamples.Minimal, by line:
    // 1 name: minimal
    // 2 accrual: {target: 20, rate: 1}
    // 3 analysis_time: {after_last_patient: 36}
    // 4 truths:
    // 5   H0: {progression: {exponential: {rate: 0.05}}}
    // 6 analyses:
    // 7   - {type: km_landmark, landmark: 36, null_survival: 0.15}
    private static string Replace(int line, string text) => ScenarioText.ReplaceLine(ScenarioExamples.Minimal, line, text);
    private static string Insert(int afterLine, string text) => ScenarioText.InsertLine(ScenarioExamples.Minimal, afterLine, text);

    private static string Model(string model) => Replace(5, $"  H0: {{progression: {model}}}");
    private static string Analysis(string analysis) => Replace(7, $"  - {analysis}");

    public static TheoryData<string, string, int, string, string> Cases => new()
    {
        // case, yaml, line, field, fragment of the expected form
        { "unknown top-level key", Insert(1, "replicate: 5"), 2, "replicate", "one of: name, description, seed, replicates, accrual" },
        { "unknown model key", Model("{exponential: {rat: 0.05}}"), 5, "truths.H0.progression.exponential.rat", "one of: rate, median, survival" },
        { "unknown family", Model("{gompertz: {rate: 0.05}}"), 5, "truths.H0.progression.gompertz", "one of: exponential, weibull, piecewise_exponential, cure_mixture" },
        { "unknown analysis key", Analysis("{type: km_landmark, landmark: 36, null_rate: 0.15}"), 7, "analyses[0].null_rate", "one of: type, name, alpha, confidence, landmark, null_survival" },
        { "unknown analysis type", Analysis("{type: t_test, landmark: 36}"), 7, "analyses[0].type", "km_landmark, binomial_landmark, one_sample_logrank, logrank, cox" },
        { "text where a number is expected", Model("{exponential: {rate: fast}}"), 5, "truths.H0.progression.exponential.rate", "a hazard rate per month > 0" },
        { "quoted number", Replace(2, "accrual: {target: \"20\", rate: 1}"), 2, "accrual.target", "a positive whole number of enrolled patients" },
        { "fractional count", Replace(2, "accrual: {target: 20.5, rate: 1}"), 2, "accrual.target", "a positive whole number" },
        { "mapping where a number is expected", Replace(3, "analysis_time: {after_last_patient: {months: 36}}"), 3, "analysis_time.after_last_patient", "a follow-up > 0 months" },
        { "text seed", Insert(1, "seed: abc"), 2, "seed", "an unsigned 64-bit whole number" },
        { "number where text is expected", Replace(1, "name: 42"), 1, "name", "a scenario name" },
        { "negative rate", Model("{exponential: {rate: -0.1}}"), 5, "truths.H0.progression.exponential.rate", "a hazard rate per month > 0" },
        { "zero accrual rate", Replace(2, "accrual: {target: 20, rate: 0}"), 2, "accrual.rate", "an accrual rate > 0 patients per month" },
        { "zero landmark", Analysis("{type: km_landmark, landmark: 0, null_survival: 0.15}"), 7, "analyses[0].landmark", "a landmark time > 0 months" },
        { "zero median", Model("{exponential: {median: 0}}"), 5, "truths.H0.progression.exponential.median", "a median > 0 months" },
        { "negative Weibull shape", Model("{weibull: {shape: -1, scale: 10}}"), 5, "truths.H0.progression.weibull.shape", "a shape > 0" },
        { "null survival above 1", Analysis("{type: km_landmark, landmark: 36, null_survival: 1.2}"), 7, "analyses[0].null_survival", "a probability in (0, 1)" },
        { "null rate 0", Analysis("{type: binomial_landmark, landmark: 36, null_rate: 0}"), 7, "analyses[0].null_rate", "a probability in (0, 1)" },
        { "ineligible fraction 1", Replace(2, "accrual: {target: 20, rate: 1, ineligible_fraction: 1}"), 2, "accrual.ineligible_fraction", "a probability in [0, 1)" },
        { "cure fraction above 1", Model("{cure_mixture: {cure_fraction: 1.5, susceptible: {exponential: {rate: 0.1}}}}"), 5, "truths.H0.progression.cure_mixture.cure_fraction", "a cure fraction in [0, 1)" },
        { "landmark survival 1", Model("{exponential: {survival: {time: 36, value: 1}}}"), 5, "truths.H0.progression.exponential.survival.value", "a survival probability in (0, 1)" },
        { "missing name", Replace(1, "description: no name"), 1, "name", "a scenario name" },
        { "missing accrual target", Replace(2, "accrual: {rate: 1}"), 2, "accrual.target", "a positive whole number of enrolled patients" },
        { "missing truths", Replace(4, "truthz:"), 4, "truthz", "one of: name" },
        { "missing analysis_time", Replace(3, "# no analysis time"), 1, "analysis_time", "after_last_patient" },
        { "missing progression", Replace(5, "  H0: {death: {exponential: {rate: 0.01}}}"), 5, "truths.H0.progression", "exactly one of exponential, weibull" },
        { "missing Weibull scale", Model("{weibull: {shape: 0.5}}"), 5, "truths.H0.progression.weibull.scale", "{shape: K, scale: L} or {landmarks: [two landmarks]}" },
        { "missing null survival", Analysis("{type: km_landmark, landmark: 36}"), 7, "analyses[0].null_survival", "{type: km_landmark, landmark, null_survival}" },
        { "no accrual rate", Replace(2, "accrual: {target: 20}"), 2, "accrual", "exactly one of rate (patients per month), rates (a piecewise list) or sites" },
        { "rate and sites", Replace(2, "accrual: {target: 20, rate: 1, sites: [{name: Oslo, rate: 0.3}]}"), 2, "accrual.sites", "exactly one of rate (patients per month), rates (a piecewise list) or sites" },
        { "two analysis times", Replace(3, "analysis_time: {after_last_patient: 36, calendar: 72}"), 3, "analysis_time.calendar", "exactly one of {after_last_patient: months}, {calendar: months}, {events: N, max_calendar: months}" },
        { "rate and median", Model("{exponential: {rate: 0.05, median: 13}}"), 5, "truths.H0.progression.exponential.median", "{rate: R} or {median: M} or {survival: {time: T, value: S}}" },
        { "two families", Model("{exponential: {rate: 0.05}, weibull: {shape: 1, scale: 20}}"), 5, "truths.H0.progression.weibull", "exactly one of exponential, weibull, piecewise_exponential, cure_mixture" },
        { "Weibull parameters and landmarks", Model("{weibull: {shape: 1, landmarks: [{median: 10}, {time: 20, survival: 0.2}]}}"), 5, "truths.H0.progression.weibull.shape", "{shape: K, scale: L} or {landmarks: [two landmarks]}" },
        { "continuous with segments", Insert(3, "assessments: {continuous: true, first: 2}"), 4, "assessments.first", "{continuous: true} or {first: months, then: [{every, until}, ...]" },
        { "max_calendar without events", Replace(3, "analysis_time: {calendar: 72, max_calendar: 80}"), 3, "analysis_time.max_calendar", "max_calendar only with events" },
        { "landmark beyond max_per_patient", Insert(3, "follow_up: {max_per_patient: 24}"), 8, "analyses[0].landmark", "a landmark at most follow_up.max_per_patient (24 months)" },
        { "landmark beyond after_last_patient", Replace(3, "analysis_time: {after_last_patient: 24}"), 7, "analyses[0].landmark", "a landmark at most analysis_time.after_last_patient (24 months)" },
        { "cure mixture below the exponential extrapolation", Model("{cure_mixture: {landmarks: [{time: 12, survival: 0.5}, {time: 24, survival: 0.2}]}}"), 5, "truths.H0.progression.cure_mixture.landmarks", "above the exponential extrapolation" },
        { "Weibull with increasing survival", Model("{weibull: {landmarks: [{time: 12, survival: 0.4}, {time: 24, survival: 0.6}]}}"), 5, "truths.H0.progression.weibull.landmarks", "survival falling over time" },
        { "piecewise with increasing survival", Model("{piecewise_exponential: {landmarks: [{time: 12, survival: 0.4}, {time: 24, survival: 0.6}]}}"), 5, "truths.H0.progression.piecewise_exponential.landmarks", "survival not increasing" },
        { "three Weibull landmarks", Model("{weibull: {landmarks: [{median: 5}, {median: 6}, {median: 7}]}}"), 5, "truths.H0.progression.weibull.landmarks", "a list of 2 landmarks" },
        { "landmarks out of order", Model("{weibull: {landmarks: [{time: 24, survival: 0.2}, {time: 12, survival: 0.5}]}}"), 5, "truths.H0.progression.weibull.landmarks[1]", "strictly increasing order of time" },
        { "piecewise rates one short", Model("{piecewise_exponential: {breaks: [6, 12], rates: [0.1, 0.05]}}"), 5, "truths.H0.progression.piecewise_exponential.rates", "3 rates (one more than breaks)" },
        { "piecewise accrual not from 0", Replace(2, "accrual: {target: 20, rates: [{from: 1, rate: 1}]}"), 2, "accrual.rates[0].from", "from: 0 for the first piece" },
        { "empty truths", Replace(4, "truths: {}").Replace("  H0: {progression: {exponential: {rate: 0.05}}}", ""), 4, "truths", "with at least one entry" },
        { "empty analyses", Replace(6, "analyses: []").Replace("  - {type: km_landmark, landmark: 36, null_survival: 0.15}", ""), 6, "analyses", "a non-empty list of analyses" },
        { "duplicate default analysis names", Insert(7, "  - {type: km_landmark, landmark: 24, null_survival: 0.3}"), 8, "analyses[1].type", "distinct analysis names" },
        { "duplicate explicit analysis names", Insert(7, "  - {type: binomial_landmark, name: km_landmark, landmark: 36, null_rate: 0.15}"), 8, "analyses[1].name", "distinct analysis names" },
        { "events target 0", Replace(3, "analysis_time: {events: 0}"), 3, "analysis_time.events", "a positive whole number of events" },
        { "events target negative", Replace(3, "analysis_time: {events: -4}"), 3, "analysis_time.events", "a positive whole number of events" },
        { "confidence 1", Analysis("{type: km_landmark, landmark: 36, null_survival: 0.15, confidence: 1}"), 7, "analyses[0].confidence", "a confidence level in (0, 1)" },
        { "confidence 0", Analysis("{type: km_landmark, landmark: 36, null_survival: 0.15, confidence: 0}"), 7, "analyses[0].confidence", "a confidence level in (0, 1)" },
        { "alpha 0.5", Analysis("{type: km_landmark, landmark: 36, null_survival: 0.15, alpha: 0.5}"), 7, "analyses[0].alpha", "a one-sided level in (0, 0.5)" },
        { "alpha 0", Analysis("{type: km_landmark, landmark: 36, null_survival: 0.15, alpha: 0}"), 7, "analyses[0].alpha", "a one-sided level in (0, 0.5)" },
        { "thereafter text", Insert(3, "assessments: {first: 2, thereafter: monthly}"), 4, "assessments.thereafter", "an interval > 0 months, or none" },
        { "duplicate site", Replace(2, "accrual: {target: 20, sites: [{name: Oslo, rate: 0.3}, {name: Oslo, rate: 0.1}]}"), 2, "accrual.sites[1].name", "distinct site names" },
        { "duplicate key (YamlDotNet rejects it while loading)", Insert(1, "name: again"), 2, "", "well-formed YAML" },
        { "number where text is expected, quoted hint", Replace(1, "name: true"), 1, "name", "a scenario name" },
        { "not a mapping", "just some text", 1, "", "a mapping with name, accrual" },
        { "malformed YAML", "name: x\naccrual: {target: 20, rate: 1\n", 3, "", "well-formed YAML" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void NamesLineFieldAndExpectedForm(string @case, string yaml, int line, string field, string expected)
        => ScenarioText.AssertNamesLineFieldAndExpectedForm(@case, yaml, line, field, expected);

    [Fact]
    public void MessageFormat()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Model("{exponential: {rate: -0.1}}"), "ssg.yaml"));
        Assert.Equal(42, error.Column);
        Assert.Equal("ssg.yaml:5:42: field 'truths.H0.progression.exponential.rate': -0.1 must be positive; expected a hazard rate per month > 0", error.Message);
    }

    [Fact]
    public void SolverErrorIsWrappedWithItsReason()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(
            Model("{cure_mixture: {landmarks: [{time: 12, survival: 0.5}, {time: 24, survival: 0.2}]}}"), "c.yaml"));
        Assert.Contains("no cure mixture passes through", error.Problem);
        Assert.IsAssignableFrom<ArgumentException>(error.InnerException);
    }

    [Fact]
    public void MissingFileNamesTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"no-such-scenario-{Guid.NewGuid():N}.yaml");
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));
        Assert.Equal(path, error.File);
        Assert.Equal(0, error.Line);
        Assert.Equal("", error.Field);
        Assert.StartsWith($"{path}:0:0: file not found", error.Message);
    }
}

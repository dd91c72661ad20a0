using TrialSim.Sweeps;
using System.Text.Json;
using TrialSim.Scenarios;

namespace TrialSim.Tests.Scenarios;

public class ScenarioSchemaTests
{
    private static readonly JsonDocument Schema = JsonDocument.Parse(ScenarioSchema.Json);

    private static List<string> Validate(string yaml)
    {
        using var document = ScenarioSchema.ToJsonDocument(yaml);
        return new SubsetSchemaValidator(Schema.RootElement).Validate(document.RootElement);
    }

    [Fact]
    public void IsDraft202012AndClosedAtTheTop()
    {
        var root = Schema.RootElement;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        Assert.Equal(JsonValueKind.False, root.GetProperty("additionalProperties").ValueKind);
    }

    [Fact]
    public void YamlBecomesJsonTypedAsTheLoaderReadsIt()
    {
        using var document = ScenarioSchema.ToJsonDocument("a: 1\nb: 1.5\nc: \"2\"\nd: true\ne: ~\nf: [x, 3]\ng: 18446744073709551615\n");
        var root = document.RootElement;
        Assert.Equal(1, root.GetProperty("a").GetInt64());
        Assert.Equal(1.5, root.GetProperty("b").GetDouble());
        Assert.Equal("2", root.GetProperty("c").GetString());
        Assert.True(root.GetProperty("d").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("e").ValueKind);
        Assert.Equal("x", root.GetProperty("f")[0].GetString());
        Assert.Equal(ulong.MaxValue, root.GetProperty("g").GetUInt64());
    }

    public static TheoryData<string> GoodDocuments => new()
    {
        ScenarioExamples.SsgXxv,
        ScenarioExamples.Minimal,
        ScenarioExamples.WithProgression("{piecewise_exponential: {breaks: [6, 12], rates: [0.1, 0.05, 0]}}"),
        ScenarioExamples.WithProgression("{cure_mixture: {cure_fraction: 0.12, susceptible: {weibull: {shape: 2, scale: 10}}}}"),
        ScenarioExamples.WithProgression("{weibull: {landmarks: [{time: 12, survival: 0.61}, {time: 60, survival: 0.33}]}}"),
        ScenarioExamples.Minimal.Replace("analysis_time: {after_last_patient: 36}", "analysis_time: {events: 20, max_calendar: 120}"),
        ScenarioExamples.Minimal.Replace("accrual: {target: 20, rate: 1}", "accrual: {target: 20, rates: [{from: 0, rate: 0.5}, {from: 6, rate: 1.5}]}\nassessments: {visits: [2, 5, 8], thereafter: none}"),
        ScenarioExamples.Minimal + "\nassessments: {continuous: true}",
        ScenarioExamples.WithProgression("{exponential: {rate: 0.05}}, rechallenge: {response: 0.9, progression: {exponential: {median: 24}}}"),
        ScenarioExamples.TwoArm,
        ScenarioExamples.TwoArmMinimal,
        ScenarioExamples.TwoArmMinimal + "\nrandomisation: {simple: true}",
        TwoArmAnalysis("{type: cox, experimental: stop, control: continue, ties: efron, non_inferiority_margin: 1.3}"),
        TwoArmAnalysis("{type: landmark_rate_difference, experimental: stop, control: continue, landmark: 6, estimator: kaplan_meier}"),
        TwoArmAnalysis("{type: fisher_exact, experimental: stop, control: continue, landmark: 6, alpha: 0.1}"),
        TwoArmAnalysis("{type: bayesian_rate, experimental: stop, control: continue, landmark: 6, threshold: 0.95, prior_control: {a: 2, b: 3}}"),
        TwoArmAnalysis("{type: rmst_difference, experimental: stop, control: continue, horizon: 12}"),
        ScenarioExamples.GroupSequential,
        ScenarioExamples.Simon,
        ScenarioExamples.Bayesian,
        Efficacy("{haybittle_peto: 3}"),
        Efficacy("{z: [3.5, 2.8, 2.0]}"),
        Efficacy("{spending: {hwang_shih_decani: -4}}"),
        Efficacy("{spending: {kim_demets: 3}}"),
        Futility("{z: [-0.5, 0.0], binding: true}"),
        Futility("{hazard_ratio: 1.0, binding: false}"),
        Futility("{conditional_power: 0.1}"),
        Futility("{beta_spending: pocock, beta: 0.1, design_drift: 2.9}"),
        GroupSequentialLooks("[{calendar: 12}, {enrolled: 300}, {evaluable: 320, landmark: 6}, {events: 100}]"),
        ScenarioExamples.GroupSequential.Replace("analysis_time: {events: 200}", "analysis_time: {calendar: 48}").Replace("  monitor: logrank", "  monitor: logrank\n  planned_information: 180"),
        Simon("{design: minimax, p1: 0.35}"),
        Simon("{explicit: {n1: 10, r1: 1, n: 29, r: 6}}"),
        ScenarioExamples.Bayesian.Replace("  bayesian: {efficacy_threshold: 0.95, harm_threshold: 0.05, min_predictive_probability: 0.1}", "  bayesian: {efficacy_threshold: 0.99}"),
    };

    private static string Efficacy(string efficacy) =>
        ScenarioExamples.GroupSequential.Replace("    efficacy: {spending: obrien_fleming}", $"    efficacy: {efficacy}");

    private static string Futility(string futility) =>
        ScenarioExamples.GroupSequential.Replace("    futility: {beta_spending: obrien_fleming, beta: 0.2, design_hazard_ratio: 0.7}", $"    futility: {futility}");

    private static string GroupSequentialLooks(string looks) =>
        ScenarioExamples.GroupSequential.Replace("  looks:\n    - {information: 0.5}\n    - {events: 150}", $"  looks: {looks}");

    private static string Simon(string simon) =>
        ScenarioExamples.Simon.Replace("  simon: {design: optimal, p1: 0.35, power: 0.8}", $"  simon: {simon}");

    private static string Bayesian(string bayesian) =>
        ScenarioExamples.Bayesian.Replace("  bayesian: {efficacy_threshold: 0.95, harm_threshold: 0.05, min_predictive_probability: 0.1}", $"  bayesian: {bayesian}");

    private static string TwoArmAnalysis(string analysis) =>
        ScenarioExamples.TwoArmMinimal.Replace("{type: logrank, experimental: continue, control: stop}", analysis);

    private static string TwoArmContinue(string truth) =>
        ScenarioExamples.TwoArmMinimal.Replace("continue: {progression: {exponential: {rate: 0.02}}}", $"continue: {truth}");

    [Theory]
    [MemberData(nameof(GoodDocuments))]
    public void AcceptsWhatTheLoaderAccepts(string yaml)
    {
        ScenarioLoader.Parse(yaml, "good.yaml");
        Assert.Empty(Validate(yaml));
    }

    /// <summary>Shape errors (keys, types, ranges, exclusive keys) that the schema must catch as
    /// the loader does; cross-field checks such as landmark against follow-up are the loader's alone.</summary>
    public static TheoryData<string> BadDocuments => new()
    {
        ScenarioExamples.Minimal + "\nreplicate: 5",
        ScenarioExamples.Minimal.Replace("name: minimal", "description: no name"),
        ScenarioExamples.Minimal.Replace("name: minimal", "name: 42"),
        ScenarioExamples.Minimal.Replace("target: 20", "target: \"20\""),
        ScenarioExamples.Minimal.Replace("target: 20", "target: 20.5"),
        ScenarioExamples.Minimal.Replace("rate: 1}", "rate: 1, sites: [{name: Oslo, rate: 0.3}]}"),
        ScenarioExamples.Minimal.Replace("rate: 1}", "rate: 1, ineligible_fraction: 1}"),
        ScenarioExamples.Minimal.Replace("{after_last_patient: 36}", "{after_last_patient: 36, calendar: 72}"),
        ScenarioExamples.Minimal.Replace("{after_last_patient: 36}", "{calendar: 72, max_calendar: 80}"),
        ScenarioExamples.Minimal.Replace("{after_last_patient: 36}", "{events: 0}"),
        ScenarioExamples.WithProgression("{exponential: {rat: 0.05}}"),
        ScenarioExamples.WithProgression("{exponential: {rate: -0.1}}"),
        ScenarioExamples.WithProgression("{exponential: {rate: 0.05, median: 13}}"),
        ScenarioExamples.WithProgression("{exponential: {rate: 0.05}, weibull: {shape: 1, scale: 2}}"),
        ScenarioExamples.WithProgression("{weibull: {shape: 0.5}}"),
        ScenarioExamples.WithProgression("{weibull: {shape: 1, landmarks: [{median: 10}, {time: 20, survival: 0.2}]}}"),
        ScenarioExamples.WithProgression("{weibull: {landmarks: [{median: 5}, {median: 6}, {median: 7}]}}"),
        ScenarioExamples.WithProgression("{exponential: {survival: {time: 36, value: 1}}}"),
        ScenarioExamples.WithProgression("{cure_mixture: {cure_fraction: 1.5, susceptible: {exponential: {rate: 0.1}}}}"),
        ScenarioExamples.WithProgression("{cure_mixture: {landmarks: [{median: 5, survival: 0.4}, {time: 20, survival: 0.2}]}}"),
        ScenarioExamples.Minimal.Replace("truths:\n  H0: {progression: {exponential: {rate: 0.05}}}", "truths: {}"),
        ScenarioExamples.Minimal.Replace("analyses:\n  - {type: km_landmark, landmark: 36, null_survival: 0.15}", "analyses: []"),
        ScenarioExamples.Minimal.Replace("null_survival: 0.15}", "null_survival: 0.15, alpha: 0.5}"),
        ScenarioExamples.Minimal.Replace("null_survival: 0.15}", "null_survival: 0.15, confidence: 1}"),
        ScenarioExamples.Minimal.Replace("null_survival: 0.15}", "null_rate: 0.15}"),
        ScenarioExamples.Minimal.Replace("type: km_landmark", "type: cox"),
        ScenarioExamples.Minimal + "\nassessments: {continuous: true, first: 2}",
        ScenarioExamples.Minimal + "\nassessments: {first: 2, thereafter: monthly}",
        ScenarioExamples.Minimal + "\nassessments: {visits: [2, 5], then: [{every: 3, until: 12}]}",
        ScenarioExamples.WithProgression("{exponential: {rate: 0.05}}, toxicity_stop: {exponential: {rate: 0.01}}, switch_to: x"),
        ScenarioExamples.WithProgression("{exponential: {rate: 0.05}}, rechallenge: {response: 1.5, progression: {exponential: {median: 24}}}"),
        ScenarioExamples.TwoArmMinimal.Replace("  - {name: continue, ratio: 1}\n", ""),
        ScenarioExamples.TwoArmMinimal.Replace("{name: stop, ratio: 1}", "{name: stop, ratio: 0}"),
        ScenarioExamples.TwoArmMinimal.Replace("{name: stop, ratio: 1}", "{name: stop, ratio: 1.5}"),
        ScenarioExamples.TwoArmMinimal + "\nrandomisation: {blocks: []}",
        ScenarioExamples.TwoArmMinimal + "\nrandomisation: {blocks: [2.5]}",
        ScenarioExamples.TwoArmMinimal + "\nrandomisation: {simple: false}",
        ScenarioExamples.TwoArmMinimal + "\nrandomisation: {simple: true, blocks: [2]}",
        ScenarioExamples.TwoArmMinimal + "\nstratification: []",
        ScenarioExamples.TwoArmMinimal + "\nstratification: [{name: r, levels: []}]",
        ScenarioExamples.TwoArmMinimal + "\nstratification: [{name: r, levels: [{name: a, prevalence: 0}, {name: b, prevalence: 1}]}]",
        ScenarioExamples.TwoArmMinimal + "\nstratification: [{name: r, levels: [{name: a, prevalence: 1.2}]}]",
        ScenarioExamples.TwoArmMinimal + "\nstratification: [{name: r, levels: [{name: a, prevalence: 1, hazard_ratio: 0}]}]",
        TwoArmContinue("{progression: {exponential: {rate: 0.02}}, toxicity_stop: {exponential: {rate: 0.01}}}"),
        TwoArmContinue("{progression: {exponential: {rate: 0.02}}, switch_to: stop}"),
        TwoArmContinue("{progression: {exponential: {rate: 0.02}}, rechallenge: {response: -0.1, progression: {exponential: {median: 24}}}}"),
        TwoArmContinue("{progression: {exponential: {rate: 0.02}}, rechallenge: {response: 0.9}}"),
        TwoArmAnalysis("{type: logrank, experimental: stop}"),
        TwoArmAnalysis("{type: logrank, experimental: stop, control: continue, stratified: yes}"),
        TwoArmAnalysis("{type: cox, experimental: stop, control: continue, non_inferiority_margin: 1}"),
        TwoArmAnalysis("{type: cox, experimental: stop, control: continue, ties: exact}"),
        TwoArmAnalysis("{type: landmark_rate_difference, experimental: stop, control: continue, landmark: 6, non_inferiority_margin: 0}"),
        TwoArmAnalysis("{type: landmark_rate_difference, experimental: stop, control: continue, landmark: 6, non_inferiority_margin: 1}"),
        TwoArmAnalysis("{type: landmark_rate_difference, experimental: stop, control: continue, landmark: 6, estimator: greenwood}"),
        TwoArmAnalysis("{type: fisher_exact, experimental: stop, control: continue}"),
        TwoArmAnalysis("{type: bayesian_rate, experimental: stop, control: continue, landmark: 6}"),
        TwoArmAnalysis("{type: bayesian_rate, experimental: stop, control: continue, landmark: 6, threshold: 1}"),
        TwoArmAnalysis("{type: bayesian_rate, experimental: stop, control: continue, landmark: 6, threshold: 0.8, margin: -0.1}"),
        TwoArmAnalysis("{type: bayesian_rate, experimental: stop, control: continue, landmark: 6, threshold: 0.8, margin: 1}"),
        TwoArmAnalysis("{type: bayesian_rate, experimental: stop, control: continue, landmark: 6, threshold: 0.8, prior_control: {a: 0, b: 1}}"),
        TwoArmAnalysis("{type: rmst_difference, experimental: stop, control: continue, horizon: 12, non_inferiority_margin: -1}"),
        TwoArmAnalysis("{type: rmst_difference, experimental: stop, control: continue, horizon: 0}"),
        ScenarioExamples.Bayesian.Replace("analysis_time: {evaluable: 50, landmark: 6}", "analysis_time: {evaluable: 50}"),
        ScenarioExamples.GroupSequential.Replace("analysis_time: {events: 200}", "analysis_time: {events: 200, landmark: 6}"),
        ScenarioExamples.GroupSequential.Replace("analysis_time: {events: 200}\n", ""),
        ScenarioExamples.GroupSequential + "\n  bayesian: {efficacy_threshold: 0.9}",
        ScenarioExamples.GroupSequential.Replace("  looks:\n    - {information: 0.5}\n    - {events: 150}\n", ""),
        GroupSequentialLooks("[]"),
        GroupSequentialLooks("[" + string.Join(", ", Enumerable.Range(1, 10).Select(k => $"{{events: {10 * k}}}")) + "]"),
        GroupSequentialLooks("[{information: 0.5, events: 100}]"),
        GroupSequentialLooks("[{information: 1}]"),
        GroupSequentialLooks("[{evaluable: 100}]"),
        GroupSequentialLooks("[{events: 100, landmark: 6}]"),
        Efficacy("{spending: pocock, haybittle_peto: 3}"),
        Efficacy("{spending: lan_demets}"),
        Efficacy("{spending: {kim_demets: 0}}"),
        Efficacy("{spending: {hwang_shih_decani: -4, kim_demets: 3}}"),
        Efficacy("{haybittle_peto: 0}"),
        Efficacy("{z: []}"),
        Futility("{beta_spending: obrien_fleming, beta: 0.6, design_hazard_ratio: 0.7}"),
        Futility("{beta_spending: obrien_fleming, beta: 0.2}"),
        Futility("{beta_spending: obrien_fleming, beta: 0.2, design_hazard_ratio: 0.7, design_drift: 2.5}"),
        Futility("{beta_spending: obrien_fleming, beta: 0.2, design_hazard_ratio: 1}"),
        Futility("{hazard_ratio: 1, binding: true}"),
        Futility("{conditional_power: 1}"),
        Futility("{z: [0, 0.5], beta: 0.2}"),
        Futility("{binding: false}"),
        Simon("{design: optimal}"),
        Simon("{design: best, p1: 0.35}"),
        Simon("{p1: 0.35}"),
        Simon("{explicit: {n1: 9, r1: -1, n: 34, r: 8}}"),
        Simon("{explicit: {n1: 9, r1: 1, n: 34, r: 8}, p1: 0.35}"),
        ScenarioExamples.Simon.Replace("accrual:", "analysis_time: {events: 20}\naccrual:"),
        ScenarioExamples.Simon.Replace("  monitor: binomial-36", "  monitor: binomial-36\n  looks: [{events: 10}]"),
        Bayesian("{harm_threshold: 0.05}"),
        Bayesian("{efficacy_threshold: 0.9, harm_threshold: 0}"),
        Bayesian("{efficacy_threshold: 1}"),
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public void RejectsWhatTheLoaderRejects(string yaml)
    {
        Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, "bad.yaml"));
        Assert.NotEmpty(Validate(yaml));
    }

    /// <summary>
    /// For each closed object in the schema, a scenario with an unknown key 'zzz' at that place: the
    /// loader's error lists the keys it accepts there, which must be exactly the schema's.
    /// </summary>
    public static IEnumerable<(string Definition, string Yaml)> UnknownKeyProbes()
    {
        string Model(string model) => ScenarioExamples.WithProgression(model);
        string Analysis(string analysis) => ScenarioExamples.Minimal.Replace("{type: km_landmark, landmark: 36, null_survival: 0.15}", analysis);
        yield return ("", ScenarioExamples.Minimal + "\nzzz: 1");
        yield return ("sweep", ScenarioExamples.Minimal + "\nsweep: {grid: {n: {field: accrual.target, values: [20]}}, zzz: 1}");
        yield return ("sweepAxis", ScenarioExamples.Minimal + "\nsweep: {grid: {n: {field: accrual.target, values: [20], zzz: 1}}}");
        yield return ("accrual", ScenarioExamples.Minimal.Replace("rate: 1}", "rate: 1, zzz: 1}"));
        yield return ("accrualPiece", ScenarioExamples.Minimal.Replace("rate: 1}", "rates: [{from: 0, rate: 1, zzz: 1}]}"));
        yield return ("site", ScenarioExamples.Minimal.Replace("rate: 1}", "sites: [{name: A, rate: 1, zzz: 1}]}"));
        yield return ("assessments", ScenarioExamples.Minimal + "\nassessments: {first: 2, zzz: 1}");
        yield return ("segment", ScenarioExamples.Minimal + "\nassessments: {first: 2, then: [{every: 3, until: 12, zzz: 1}]}");
        yield return ("followUp", ScenarioExamples.Minimal + "\nfollow_up: {zzz: 1}");
        yield return ("analysisTime", ScenarioExamples.Minimal.Replace("{after_last_patient: 36}", "{after_last_patient: 36, zzz: 1}"));
        yield return ("truth", Model("{exponential: {rate: 0.05}}, zzz: 1"));
        yield return ("eventTimeModel", Model("{zzz: 1}"));
        yield return ("exponential", Model("{exponential: {zzz: 1}}"));
        yield return ("survivalPoint", Model("{exponential: {survival: {zzz: 1}}}"));
        yield return ("weibull", Model("{weibull: {zzz: 1}}"));
        yield return ("piecewiseExponential", Model("{piecewise_exponential: {zzz: 1}}"));
        yield return ("cureMixture", Model("{cure_mixture: {zzz: 1}}"));
        yield return ("landmark", Model("{weibull: {landmarks: [{zzz: 1}, {median: 3}]}}"));
        yield return ("kmLandmark", Analysis("{type: km_landmark, zzz: 1}"));
        yield return ("binomialLandmark", Analysis("{type: binomial_landmark, zzz: 1}"));
        yield return ("oneSampleLogrank", Analysis("{type: one_sample_logrank, zzz: 1}"));
        string TwoArm(string text) => ScenarioExamples.TwoArmMinimal + "\n" + text;
        yield return ("arm", ScenarioExamples.TwoArmMinimal.Replace("{name: stop, ratio: 1}", "{name: stop, ratio: 1, zzz: 1}"));
        yield return ("randomisation", TwoArm("randomisation: {simple: true, zzz: 1}"));
        yield return ("stratificationFactor", TwoArm("stratification: [{name: r, zzz: 1}]"));
        yield return ("stratumLevel", TwoArm("stratification: [{name: r, levels: [{name: a, prevalence: 1, zzz: 1}]}]"));
        yield return ("armTruth", TwoArmContinue("{progression: {exponential: {rate: 0.02}}, zzz: 1}"));
        yield return ("rechallenge", TwoArmContinue("{progression: {exponential: {rate: 0.02}}, rechallenge: {zzz: 1}}"));
        yield return ("logrank", TwoArmAnalysis("{type: logrank, zzz: 1}"));
        yield return ("cox", TwoArmAnalysis("{type: cox, zzz: 1}"));
        yield return ("landmarkRateDifference", TwoArmAnalysis("{type: landmark_rate_difference, zzz: 1}"));
        yield return ("fisherExact", TwoArmAnalysis("{type: fisher_exact, zzz: 1}"));
        yield return ("bayesianRate", TwoArmAnalysis("{type: bayesian_rate, zzz: 1}"));
        yield return ("betaPrior", TwoArmAnalysis("{type: bayesian_rate, experimental: stop, control: continue, landmark: 6, threshold: 0.8, prior_experimental: {zzz: 1}}"));
        yield return ("rmstDifference", TwoArmAnalysis("{type: rmst_difference, zzz: 1}"));
        yield return ("interim", ScenarioExamples.GroupSequential.Replace("  monitor: logrank", "  monitor: logrank\n  zzz: 1"));
        yield return ("look", GroupSequentialLooks("[{zzz: 1}]"));
        yield return ("groupSequential", ScenarioExamples.GroupSequential.Replace("  group_sequential:", "  group_sequential:\n    zzz: 1"));
        yield return ("efficacy", Efficacy("{zzz: 1}"));
        yield return ("spendingFamily", Efficacy("{spending: {zzz: 1}}"));
        yield return ("futility", Futility("{zzz: 1}"));
        yield return ("simon", Simon("{zzz: 1}"));
        yield return ("simonDesign", Simon("{explicit: {zzz: 1}}"));
        yield return ("bayesianMonitoring", Bayesian("{zzz: 1}"));
    }

    [Fact]
    public void LoaderKeysMatchSchemaKeysEverywhere()
    {
        var closed = ClosedObjects(Schema.RootElement);
        var probed = new HashSet<string>();
        foreach (var (definition, yaml) in UnknownKeyProbes())
        {
            var error = Assert.Throws<ScenarioException>(() => SweepLoader.Parse(yaml, "probe.yaml"));
            Assert.True(error.Problem == "unknown key 'zzz'", $"{definition}: {error.Message}");
            Assert.StartsWith("one of: ", error.Expected);
            var loaderKeys = error.Expected["one of: ".Length..].Split(", ").Order().ToArray();
            Assert.True(closed.TryGetValue(definition, out var schemaKeys), $"schema has no closed object '{definition}'");
            Assert.Equal(schemaKeys!.Order().ToArray(), loaderKeys);
            probed.Add(definition);
        }
        // And the other way: every closed object in the schema is something the loader reads.
        Assert.Equal(closed.Keys.Order().ToArray(), probed.Order().ToArray());
    }

    /// <summary>Property names of the root ("") and of each $defs entry with additionalProperties: false.</summary>
    private static Dictionary<string, string[]> ClosedObjects(JsonElement root)
    {
        var closed = new Dictionary<string, string[]> { [""] = PropertyNames(root) };
        foreach (var definition in root.GetProperty("$defs").EnumerateObject())
            if (definition.Value.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False)
                closed[definition.Name] = PropertyNames(definition.Value);
        return closed;
    }

    private static string[] PropertyNames(JsonElement schema) =>
        schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToArray();
}

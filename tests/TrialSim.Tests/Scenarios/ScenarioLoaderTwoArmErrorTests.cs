using TrialSim.Scenarios;

namespace TrialSim.Tests.Scenarios;

/// <summary>Each bad randomised-design input gives a ScenarioException naming the line, the field
/// and the expected form.</summary>
public class ScenarioLoaderTwoArmErrorTests
{
    // ScenarioExamples.TwoArmMinimal, by line:
    //  1 name: two-arm
    //  2 accrual: {target: 50, rate: 2}
    //  3 analysis_time: {after_last_patient: 12}
    //  4 arms:
    //  5   - {name: stop, ratio: 1}
    //  6   - {name: continue, ratio: 1}
    //  7 truths:
    //  8   H0:
    //  9     stop: {progression: {exponential: {rate: 0.1}}}
    // 10     continue: {progression: {exponential: {rate: 0.02}}}
    // 11 analyses:
    // 12   - {type: logrank, experimental: continue, control: stop}
    private static string Replace(int line, string text, string yaml = ScenarioExamples.TwoArmMinimal) => ScenarioText.ReplaceLine(yaml, line, text);
    private static string Insert(int afterLine, string text, string yaml = ScenarioExamples.TwoArmMinimal) => ScenarioText.InsertLine(yaml, afterLine, text);

    private static string Design(string text) => Insert(6, text);
    private static string Levels(string levels) => Design($"stratification: [{{name: remission, levels: [{levels}]}}]");
    private static string Analysis(string analysis) => Replace(12, $"  - {analysis}");
    private static string Continue(string truth) => Replace(10, $"    continue: {truth}");
    private const string ContinueProgression = "progression: {exponential: {rate: 0.02}}";
    private static string Stop(string truth) => Replace(9, $"    stop: {truth}");

    private static string TwoFactorLevels(int factors) =>
        "stratification: [" + string.Join(", ", Enumerable.Range(0, factors).Select(f => $"{{name: f{f}, levels: [{{name: a, prevalence: 0.5}}, {{name: b, prevalence: 0.5}}]}}")) + "]";

    public static TheoryData<string, string, int, string, string> Cases => new()
    {
        // case, yaml, line, field, fragment of the expected form
        // arms
        { "one arm", Replace(6, ""), 5, "arms", "a single-arm design omits arms" },
        { "no arms", Replace(4, "arms: []", Replace(5, "", Replace(6, ""))), 4, "arms", "a single-arm design omits arms" },
        { "duplicate arm names", Replace(6, "  - {name: stop}"), 6, "arms[1].name", "distinct arm names" },
        { "zero ratio", Replace(5, "  - {name: stop, ratio: 0}"), 5, "arms[0].ratio", "an allocation ratio, a positive whole number" },
        { "fractional ratio", Replace(5, "  - {name: stop, ratio: 1.5}"), 5, "arms[0].ratio", "an allocation ratio, a positive whole number" },
        { "unknown arm key", Replace(5, "  - {name: stop, weight: 2}"), 5, "arms[0].weight", "one of: name, ratio" },
        // randomisation
        { "block size not fitting 2:1", Insert(6, "randomisation: {blocks: [3, 4]}", Replace(5, "  - {name: stop, ratio: 2}")), 7, "randomisation.blocks[1]", "multiples of 3 (the sum of the ratios 2:1), e.g. 3, 6, 9" },
        { "empty block list", Design("randomisation: {blocks: []}"), 7, "randomisation.blocks", "a non-empty list of block sizes" },
        { "zero block size", Design("randomisation: {blocks: [0]}"), 7, "randomisation.blocks[0]", "multiples of 2" },
        { "blocks and simple", Design("randomisation: {blocks: [4], simple: true}"), 7, "randomisation.simple", "{blocks: [block sizes]} for permuted blocks, or {simple: true}" },
        { "simple false", Design("randomisation: {simple: false}"), 7, "randomisation.simple", "{blocks: [block sizes]} for permuted blocks, or {simple: true}" },
        { "randomisation in a single-arm design", Insert(1, "randomisation: {simple: true}", ScenarioExamples.Minimal), 2, "randomisation", "two or more arms" },
        // analysis types against the design
        { "two-arm analysis in a single-arm design", Replace(7, "  - {type: cox, experimental: a, control: b}", ScenarioExamples.Minimal), 7, "analyses[0].type", "a single-arm analysis (km_landmark, binomial_landmark, one_sample_logrank)" },
        { "single-arm analysis in a two-arm design", Analysis("{type: km_landmark, landmark: 6, null_survival: 0.5}"), 12, "analyses[0].type", "single-arm analyses need a single-arm design): use landmark_rate_difference" },
        // stratification
        { "prevalences not summing to 1", Levels("{name: complete, prevalence: 0.6}, {name: residual, prevalence: 0.3}"), 7, "stratification[0].levels", "level prevalences summing to 1" },
        { "prevalence 0", Levels("{name: complete, prevalence: 0}, {name: residual, prevalence: 1}"), 7, "stratification[0].levels[0].prevalence", "a prevalence in (0, 1]" },
        { "prevalence above 1", Levels("{name: complete, prevalence: 1.2}"), 7, "stratification[0].levels[0].prevalence", "a prevalence in (0, 1]" },
        { "hazard ratio 0", Levels("{name: complete, prevalence: 1, hazard_ratio: 0}"), 7, "stratification[0].levels[0].hazard_ratio", "a hazard ratio > 0" },
        { "negative hazard ratio", Levels("{name: complete, prevalence: 1, hazard_ratio: -1}"), 7, "stratification[0].levels[0].hazard_ratio", "a hazard ratio > 0" },
        { "duplicate level names", Levels("{name: complete, prevalence: 0.5}, {name: complete, prevalence: 0.5}"), 7, "stratification[0].levels[1].name", "distinct level names within a factor" },
        { "duplicate factor names", Design("stratification: [{name: a, levels: [{name: x, prevalence: 1}]}, {name: a, levels: [{name: y, prevalence: 1}]}]"), 7, "stratification[1].name", "distinct factor names" },
        { "32 crossed strata", Design(TwoFactorLevels(5)), 7, "stratification", "at most 16 crossed strata" },
        { "no levels", Levels(""), 7, "stratification[0].levels", "a non-empty list of levels" },
        { "no factors", Design("stratification: []"), 7, "stratification", "omit stratification for none" },
        // truths
        { "truth missing an arm", Replace(10, ""), 8, "truths.H0.continue", "every arm exactly once as a key: stop, continue" },
        { "truth naming an unknown arm", Replace(10, $"    contnue: {{{ContinueProgression}}}"), 10, "truths.H0.contnue", "every arm exactly once as a key: stop, continue" },
        { "single-arm truth in a two-arm design", Replace(8, "  H0: {progression: {exponential: {rate: 0.1}}}", Replace(9, "", Replace(10, ""))), 8, "truths.H0.progression", "every arm exactly once as a key: stop, continue" },
        { "switch_to an unknown arm", Continue($"{{{ContinueProgression}, toxicity_stop: {{exponential: {{rate: 0.01}}}}, switch_to: placebo}}"), 10, "truths.H0.continue.switch_to", "the arm whose progression model applies after stopping, one of: stop" },
        { "switch_to itself", Continue($"{{{ContinueProgression}, toxicity_stop: {{exponential: {{rate: 0.01}}}}, switch_to: continue}}"), 10, "truths.H0.continue.switch_to", "one of: stop" },
        { "toxicity_stop without switch_to", Continue($"{{{ContinueProgression}, toxicity_stop: {{exponential: {{rate: 0.01}}}}}}"), 10, "truths.H0.continue.switch_to", "switch_to: the arm whose progression model applies after stopping" },
        { "switch_to without toxicity_stop", Continue($"{{{ContinueProgression}, switch_to: stop}}"), 10, "truths.H0.continue.switch_to", "toxicity_stop: <model> (time to stopping for toxicity) together with switch_to" },
        { "toxicity_stop in a single-arm design", Replace(5, "  H0: {progression: {exponential: {rate: 0.05}}, toxicity_stop: {exponential: {rate: 0.01}}}", ScenarioExamples.Minimal), 5, "truths.H0.toxicity_stop", "one of: progression, death, rechallenge" },
        { "rechallenge response above 1", Stop("{progression: {exponential: {rate: 0.1}}, rechallenge: {response: 1.2, progression: {exponential: {median: 24}}}}"), 9, "truths.H0.stop.rechallenge.response", "a response probability in [0, 1]" },
        { "rechallenge response negative", Stop("{progression: {exponential: {rate: 0.1}}, rechallenge: {response: -0.1, progression: {exponential: {median: 24}}}}"), 9, "truths.H0.stop.rechallenge.response", "a response probability in [0, 1]" },
        { "rechallenge without PFS2 model", Stop("{progression: {exponential: {rate: 0.1}}, rechallenge: {response: 0.9}}"), 9, "truths.H0.stop.rechallenge.progression", "{response: probability in [0, 1], progression: <model> (PFS2 after restart)}" },
        // margins and thresholds
        { "cox margin 1", Analysis("{type: cox, experimental: continue, control: stop, non_inferiority_margin: 1}"), 12, "analyses[0].non_inferiority_margin", "a hazard-ratio margin > 1 (omit it for superiority)" },
        { "cox margin below 1", Analysis("{type: cox, experimental: continue, control: stop, non_inferiority_margin: 0.8}"), 12, "analyses[0].non_inferiority_margin", "a hazard-ratio margin > 1 (omit it for superiority)" },
        { "rate difference margin 0", Analysis("{type: landmark_rate_difference, experimental: continue, control: stop, landmark: 6, non_inferiority_margin: 0}"), 12, "analyses[0].non_inferiority_margin", "a rate-difference margin in (0, 1) (omit it for superiority)" },
        { "rate difference margin 1", Analysis("{type: landmark_rate_difference, experimental: continue, control: stop, landmark: 6, non_inferiority_margin: 1}"), 12, "analyses[0].non_inferiority_margin", "a rate-difference margin in (0, 1)" },
        { "rate difference margin negative", Analysis("{type: landmark_rate_difference, experimental: continue, control: stop, landmark: 6, non_inferiority_margin: -0.1}"), 12, "analyses[0].non_inferiority_margin", "a rate-difference margin in (0, 1)" },
        { "rmst margin negative", Analysis("{type: rmst_difference, experimental: continue, control: stop, horizon: 12, non_inferiority_margin: -1}"), 12, "analyses[0].non_inferiority_margin", "a restricted-mean margin >= 0 months" },
        { "bayesian margin negative", Analysis("{type: bayesian_rate, experimental: continue, control: stop, landmark: 6, threshold: 0.8, margin: -0.1}"), 12, "analyses[0].margin", "a rate margin in [0, 1)" },
        { "bayesian margin 1", Analysis("{type: bayesian_rate, experimental: continue, control: stop, landmark: 6, threshold: 0.8, margin: 1}"), 12, "analyses[0].margin", "a rate margin in [0, 1)" },
        { "bayesian threshold 0", Analysis("{type: bayesian_rate, experimental: continue, control: stop, landmark: 6, threshold: 0}"), 12, "analyses[0].threshold", "a posterior probability threshold in (0, 1)" },
        { "bayesian threshold 1", Analysis("{type: bayesian_rate, experimental: continue, control: stop, landmark: 6, threshold: 1}"), 12, "analyses[0].threshold", "a posterior probability threshold in (0, 1)" },
        { "bayesian threshold missing", Analysis("{type: bayesian_rate, experimental: continue, control: stop, landmark: 6}"), 12, "analyses[0].threshold", "threshold" },
        { "bayesian prior shape 0", Analysis("{type: bayesian_rate, experimental: continue, control: stop, landmark: 6, threshold: 0.8, prior_control: {a: 0, b: 1}}"), 12, "analyses[0].prior_control.a", "a Beta shape a > 0" },
        { "bayesian prior without b", Analysis("{type: bayesian_rate, experimental: continue, control: stop, landmark: 6, threshold: 0.8, prior_control: {a: 2}}"), 12, "analyses[0].prior_control.b", "{a: A, b: B} with A, B > 0" },
        { "unknown ties", Analysis("{type: cox, experimental: continue, control: stop, ties: exact}"), 12, "analyses[0].ties", "efron (default) or breslow" },
        { "unknown estimator", Analysis("{type: landmark_rate_difference, experimental: continue, control: stop, landmark: 6, estimator: greenwood}"), 12, "analyses[0].estimator", "kaplan_meier (default) or binary" },
        // arms named by analyses
        { "experimental equals control", Analysis("{type: logrank, experimental: stop, control: stop}"), 12, "analyses[0].control", "two different arms of: stop, continue" },
        { "unknown experimental arm", Analysis("{type: logrank, experimental: placebo, control: stop}"), 12, "analyses[0].experimental", "an arm name, one of: stop, continue" },
        { "unknown control arm", Analysis("{type: logrank, experimental: stop, control: placebo}"), 12, "analyses[0].control", "an arm name, one of: stop, continue" },
        { "missing control", Analysis("{type: fisher_exact, experimental: stop, landmark: 6}"), 12, "analyses[0].control", "{type: fisher_exact, experimental, control, landmark}" },
        { "unknown key in a two-arm analysis", Analysis("{type: logrank, experimental: stop, control: continue, landmark: 6}"), 12, "analyses[0].landmark", "one of: type, name, alpha, confidence, experimental, control, stratified" },
        // landmarks and horizons within follow-up
        { "rate difference landmark beyond after_last_patient", Analysis("{type: landmark_rate_difference, experimental: continue, control: stop, landmark: 24}"), 12, "analyses[0].landmark", "a landmark at most analysis_time.after_last_patient (12 months)" },
        { "fisher landmark beyond after_last_patient", Analysis("{type: fisher_exact, experimental: continue, control: stop, landmark: 13}"), 12, "analyses[0].landmark", "a landmark at most analysis_time.after_last_patient (12 months)" },
        { "bayesian landmark beyond after_last_patient", Analysis("{type: bayesian_rate, experimental: continue, control: stop, landmark: 24, threshold: 0.8}"), 12, "analyses[0].landmark", "a landmark at most analysis_time.after_last_patient (12 months)" },
        { "rmst horizon beyond after_last_patient", Analysis("{type: rmst_difference, experimental: continue, control: stop, horizon: 24}"), 12, "analyses[0].horizon", "a horizon at most analysis_time.after_last_patient (12 months)" },
        { "rmst horizon beyond max_per_patient", Insert(3, "follow_up: {max_per_patient: 6}", Analysis("{type: rmst_difference, experimental: continue, control: stop, horizon: 9}")), 13, "analyses[0].horizon", "a horizon at most follow_up.max_per_patient (6 months)" },
        { "rmst horizon 0", Analysis("{type: rmst_difference, experimental: continue, control: stop, horizon: 0}"), 12, "analyses[0].horizon", "a horizon time > 0 months" },
        // stratified tests
        { "stratified logrank without factors", Analysis("{type: logrank, experimental: continue, control: stop, stratified: true}"), 12, "analyses[0].stratified", "stratification: [...] giving the factors to stratify by" },
        { "stratified cox without factors", Analysis("{type: cox, experimental: continue, control: stop, stratified: true}"), 12, "analyses[0].stratified", "stratification: [...] giving the factors to stratify by" },
        { "stratified not a boolean", Analysis("{type: logrank, experimental: continue, control: stop, stratified: yes}"), 12, "analyses[0].stratified", "true or false (default false)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void NamesLineFieldAndExpectedForm(string @case, string yaml, int line, string field, string expected)
        => ScenarioText.AssertNamesLineFieldAndExpectedForm(@case, yaml, line, field, expected);

    [Fact]
    public void PrevalenceErrorNamesTheSum()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(
            Levels("{name: complete, prevalence: 0.6}, {name: residual, prevalence: 0.3}"), "s.yaml"));
        Assert.Equal("the prevalences sum to 0.9", error.Problem);
    }

    [Fact]
    public void PrevalencesWithinToleranceAreAccepted()
    {
        var scenario = ScenarioLoader.Parse(Levels("{name: a, prevalence: 0.1}, {name: b, prevalence: 0.2}, {name: c, prevalence: 0.7}"), "s.yaml");
        Assert.Equal(3, scenario.Strata.Count);
    }

    [Fact]
    public void BlockErrorNamesTheSizeAndTheRatios()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(
            Insert(6, "randomisation: {blocks: [4]}", Replace(5, "  - {name: stop, ratio: 2}")), "b.yaml"));
        Assert.Equal("block size 4 does not fit the allocation ratios 2:1", error.Problem);
    }

    [Fact]
    public void StrataLimitComesFromStrata()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Design(TwoFactorLevels(5)), "s.yaml"));
        Assert.Contains("make 32 strata; at most 16", error.Problem);
        Assert.IsAssignableFrom<ArgumentException>(error.InnerException);
        ScenarioLoader.Parse(Design(TwoFactorLevels(4)), "s.yaml");
    }

    [Fact]
    public void MissingArmSaysWhichArm()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Replace(10, ""), "t.yaml"));
        Assert.Equal("no truth for arm 'continue'", error.Problem);
    }

    [Fact]
    public void SingleArmAnalysisInATwoArmDesignSaysSo()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Analysis("{type: binomial_landmark, landmark: 6, null_rate: 0.5}"), "a.yaml"));
        Assert.Equal("binomial_landmark is a single-arm analysis but the design has 2 arms", error.Problem);
    }
}

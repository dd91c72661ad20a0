using TrialSim.Scenarios;

namespace TrialSim.Tests.Scenarios;

/// <summary>Each bad <c>interim:</c> (and evaluable analysis time) gives a ScenarioException naming
/// the line, the field and the expected form.</summary>
public class ScenarioLoaderInterimErrorTests
{
    // ScenarioExamples.GroupSequential, by line:
    //  3 analysis_time: {events: 200}
    // 12   - {name: logrank, type: logrank, ...}
    // 13   - {name: bayes, type: bayesian_rate, ...}
    // 14 interim:
    // 15   monitor: logrank
    // 16   looks:
    // 17     - {information: 0.5}
    // 18     - {events: 150}
    // 19   group_sequential:
    // 20     efficacy: {spending: obrien_fleming}
    // 21     futility: {beta_spending: obrien_fleming, beta: 0.2, design_hazard_ratio: 0.7}
    private static string G(int line, string text, string? yaml = null) => Replace(yaml ?? ScenarioExamples.GroupSequential, line, text);
    private static string Efficacy(string efficacy) => G(20, $"    efficacy: {efficacy}");
    private static string Futility(string futility, string? yaml = null) => G(21, $"    futility: {futility}", yaml);
    private static string Looks(string first, string second) => G(17, $"    - {first}", G(18, $"    - {second}"));
    private static string CalendarFinal(string yaml) => G(3, "analysis_time: {calendar: 48}", yaml);

    // ScenarioExamples.Simon, by line:
    //  2 accrual: {target: 40, rate: 1.25}
    //  6   - {name: binomial-36, type: binomial_landmark, ...}
    //  7   - {type: km_landmark, ...}
    //  8 interim:
    //  9   monitor: binomial-36
    // 10   simon: {design: optimal, p1: 0.35, power: 0.8}
    private static string S(int line, string text) => Replace(ScenarioExamples.Simon, line, text);
    private static string Simon(string simon) => S(10, $"  simon: {simon}");

    // ScenarioExamples.Bayesian, by line:
    //  3 analysis_time: {evaluable: 50, landmark: 6}
    // 13 interim:
    // 16     - {evaluable: 25, landmark: 6}
    // 17     - {enrolled: 50}
    // 18   bayesian: {efficacy_threshold: 0.95, harm_threshold: 0.05, min_predictive_probability: 0.1}
    private static string B(int line, string text) => Replace(ScenarioExamples.Bayesian, line, text);
    private static string Bayesian(string bayesian) => B(18, $"  bayesian: {bayesian}");

    private static string Replace(string yaml, int line, string text) => ScenarioText.ReplaceLine(yaml, line, text);

    private static string TenLooks => "[" + string.Join(", ", Enumerable.Range(1, 10).Select(k => $"{{events: {10 * k}}}")) + "]";

    public static TheoryData<string, string, int, string, string> Cases => new()
    {
        // case, yaml, line, field, fragment of the expected form
        // interim itself
        { "unknown interim key", G(15, "  monitor: logrank\n  lookz: []"), 16, "interim.lookz", "one of: monitor, looks, planned_information, group_sequential, simon, bayesian" },
        { "no rule", G(19, "", G(20, "", G(21, ""))), 14, "interim", "exactly one of group_sequential: {...}, simon: {...}, bayesian: {...}" },
        { "two rules", G(21, "  bayesian: {efficacy_threshold: 0.9}", G(20, "    efficacy: {spending: pocock}")), 21, "interim.bayesian", "exactly one of group_sequential" },
        { "interim not a mapping", G(14, "interim: yes", G(15, "", G(16, "", G(17, "", G(18, "", G(19, "", G(20, "", G(21, "")))))))), 14, "interim", "{monitor: analysis name" },
        { "group sequential without analysis_time", G(3, ""), 1, "analysis_time", "{events: N, max_calendar: months}" },
        // the monitored analysis
        { "missing monitor", G(15, ""), 14, "interim.monitor", "the name of the analysis that decides stopping, one of: logrank, bayes" },
        { "unknown monitor", G(15, "  monitor: log-rank"), 15, "interim.monitor", "an analysis name, one of: logrank, bayes" },
        { "group sequential monitoring bayesian_rate", G(15, "  monitor: bayes"), 15, "interim.monitor", "an analysis with a one-sided p-value: km_landmark, binomial_landmark, one_sample_logrank, logrank, cox, landmark_rate_difference, fisher_exact or rmst_difference" },
        { "simon monitoring km_landmark", S(9, "  monitor: km_landmark"), 9, "interim.monitor", "a binomial_landmark analysis (in a single-arm design)" },
        { "bayesian monitoring logrank", G(19, "  bayesian: {efficacy_threshold: 0.95}", G(20, "", G(21, ""))), 15, "interim.monitor", "a bayesian_rate analysis" },
        // looks
        { "missing looks", G(16, "", G(17, "", G(18, ""))), 14, "interim.looks", "a list of 1 to 9 interim looks in the order they happen" },
        { "no looks", G(16, "  looks: []", G(17, "", G(18, ""))), 16, "interim.looks", "a list of 1 to 9 interim looks" },
        { "ten looks", G(16, $"  looks: {TenLooks}", G(17, "", G(18, ""))), 16, "interim.looks", "a list of 1 to 9 interim looks" },
        { "look not a mapping", G(17, "    - 0.5"), 17, "interim.looks[0]", "exactly one of {information: fraction in (0, 1)}, {events: N}" },
        { "unknown look kind", G(17, "    - {fraction: 0.5}"), 17, "interim.looks[0].fraction", "one of: information, events, calendar, enrolled, evaluable, landmark" },
        { "two kinds in one look", G(17, "    - {information: 0.5, events: 100}"), 17, "interim.looks[0].events", "exactly one of {information: fraction in (0, 1)}" },
        { "no kind in a look", G(17, "    - {}"), 17, "interim.looks[0]", "exactly one of {information" },
        { "information 1", G(17, "    - {information: 1}"), 17, "interim.looks[0].information", "an information fraction in (0, 1)" },
        { "information 0", G(17, "    - {information: 0}"), 17, "interim.looks[0].information", "an information fraction in (0, 1)" },
        { "information look without planned information", CalendarFinal(ScenarioExamples.GroupSequential), 17, "interim.looks[0].information", "interim.planned_information: N, or a final analysis_time of {events: N} or {evaluable: N, landmark: months}" },
        { "calendar final without planned information", CalendarFinal(G(17, "    - {events: 100}")), 14, "interim.planned_information", "planned information > 0" },
        { "planned information 0", G(16, "  planned_information: 0\n  looks:"), 16, "interim.planned_information", "planned information > 0" },
        { "events not increasing", Looks("{events: 160}", "{events: 150}"), 18, "interim.looks[1].events", "looks of one kind in increasing order" },
        { "information not increasing", Looks("{information: 0.5}", "{information: 0.4}"), 18, "interim.looks[1].information", "looks of one kind in increasing order" },
        { "events at the final target", G(18, "    - {events: 200}"), 18, "interim.looks[1].events", "an event count below analysis_time.events (200)" },
        { "events 0", G(18, "    - {events: 0}"), 18, "interim.looks[1].events", "a positive whole number of events" },
        { "calendar after a calendar final", CalendarFinal(Looks("{calendar: 50}", "{calendar: 60}")), 17, "interim.looks[0].calendar", "a calendar time before analysis_time.calendar (48 months)" },
        { "calendar not increasing", Looks("{calendar: 30}", "{calendar: 20}"), 18, "interim.looks[1].calendar", "looks of one kind in increasing order" },
        { "enrolled beyond the accrual target", G(18, "    - {enrolled: 401}"), 18, "interim.looks[1].enrolled", "enrolled patients at most accrual.target (400)" },
        { "enrolled not increasing", Looks("{enrolled: 300}", "{enrolled: 200}"), 18, "interim.looks[1].enrolled", "looks of one kind in increasing order" },
        { "evaluable without landmark", G(18, "    - {evaluable: 100}"), 18, "interim.looks[1].landmark", "{evaluable: N, landmark: months}" },
        { "evaluable landmark 0", G(18, "    - {evaluable: 100, landmark: 0}"), 18, "interim.looks[1].landmark", "a landmark time > 0 months" },
        { "evaluable beyond the accrual target", G(18, "    - {evaluable: 401, landmark: 6}"), 18, "interim.looks[1].evaluable", "evaluable patients at most accrual.target (400)" },
        { "evaluable at the final target", B(16, "    - {evaluable: 50, landmark: 6}"), 16, "interim.looks[0].evaluable", "a number of evaluable patients below analysis_time.evaluable (50)" },
        { "landmark on an events look", G(18, "    - {events: 150, landmark: 6}"), 18, "interim.looks[1].landmark", "landmark only with evaluable" },
        // analysis_time: evaluable
        { "evaluable analysis without landmark", B(3, "analysis_time: {evaluable: 50}"), 3, "analysis_time.landmark", "{evaluable: N, landmark: months}" },
        { "evaluable analysis of 0 patients", B(3, "analysis_time: {evaluable: 0, landmark: 6}"), 3, "analysis_time.evaluable", "a positive whole number of evaluable patients" },
        { "landmark on an events analysis", G(3, "analysis_time: {events: 200, landmark: 6}"), 3, "analysis_time.landmark", "landmark only with evaluable" },
        // efficacy
        { "missing efficacy", G(20, ""), 19, "interim.group_sequential.efficacy", "exactly one of {spending: function}, {haybittle_peto: interim z > 0}, {z: [one z per look, the final included]}" },
        { "unknown group_sequential key", G(20, "    efficacy: {spending: pocock}\n    alpha: 0.025"), 21, "interim.group_sequential.alpha", "one of: efficacy, futility" },
        { "efficacy without a kind", Efficacy("{}"), 20, "interim.group_sequential.efficacy", "exactly one of {spending: function}" },
        { "two efficacy kinds", Efficacy("{spending: pocock, haybittle_peto: 3}"), 20, "interim.group_sequential.efficacy.haybittle_peto", "exactly one of {spending: function}" },
        { "unknown spending function", Efficacy("{spending: lan_demets}"), 20, "interim.group_sequential.efficacy.spending", "obrien_fleming, pocock, {hwang_shih_decani: gamma (finite)} or {kim_demets: rho > 0}" },
        { "spending function as a number", Efficacy("{spending: 3}"), 20, "interim.group_sequential.efficacy.spending", "obrien_fleming, pocock" },
        { "kim_demets rho 0", Efficacy("{spending: {kim_demets: 0}}"), 20, "interim.group_sequential.efficacy.spending.kim_demets", "a Kim-DeMets power rho > 0" },
        { "kim_demets rho negative", Efficacy("{spending: {kim_demets: -1}}"), 20, "interim.group_sequential.efficacy.spending.kim_demets", "a Kim-DeMets power rho > 0" },
        { "hwang_shih_decani gamma not a number", Efficacy("{spending: {hwang_shih_decani: steep}}"), 20, "interim.group_sequential.efficacy.spending.hwang_shih_decani", "a Hwang-Shih-DeCani gamma, any finite number" },
        { "two spending families", Efficacy("{spending: {hwang_shih_decani: -4, kim_demets: 3}}"), 20, "interim.group_sequential.efficacy.spending.kim_demets", "{hwang_shih_decani: gamma (finite)} or {kim_demets: rho > 0}" },
        { "unknown spending family", Efficacy("{spending: {power: 3}}"), 20, "interim.group_sequential.efficacy.spending.power", "one of: hwang_shih_decani, kim_demets" },
        { "haybittle_peto 0", Efficacy("{haybittle_peto: 0}"), 20, "interim.group_sequential.efficacy.haybittle_peto", "an interim z > 0" },
        { "haybittle_peto negative", Efficacy("{haybittle_peto: -3}"), 20, "interim.group_sequential.efficacy.haybittle_peto", "an interim z > 0" },
        { "efficacy z one short", Efficacy("{z: [3, 2]}"), 20, "interim.group_sequential.efficacy.z", "3 z values, one per look including the final analysis (2 interim looks + 1)" },
        { "efficacy z not a number", Efficacy("{z: [3, 2.5, high]}"), 20, "interim.group_sequential.efficacy.z[2]", "3 z values, one per look including the final analysis" },
        { "efficacy z empty", Efficacy("{z: []}"), 20, "interim.group_sequential.efficacy.z", "3 z values" },
        // futility
        { "futility without a rule", Futility("{binding: true}"), 21, "interim.group_sequential.futility", "exactly one of {beta_spending: function, beta, design_hazard_ratio or design_drift}" },
        { "unknown futility key", Futility("{z: [0, 0], gamma: 1}"), 21, "interim.group_sequential.futility.gamma", "one of: beta_spending, beta, design_hazard_ratio, design_drift, z, hazard_ratio, conditional_power, binding" },
        { "two futility rules", Futility("{z: [0, 0], hazard_ratio: 1}"), 21, "interim.group_sequential.futility.hazard_ratio", "exactly one of {beta_spending" },
        { "beta_spending without beta", Futility("{beta_spending: obrien_fleming, design_hazard_ratio: 0.7}"), 21, "interim.group_sequential.futility.beta", "{beta_spending: function, beta: (0, 0.5)" },
        { "beta 0.6", Futility("{beta_spending: obrien_fleming, beta: 0.6, design_hazard_ratio: 0.7}"), 21, "interim.group_sequential.futility.beta", "a type II error beta in (0, 0.5)" },
        { "beta 0", Futility("{beta_spending: obrien_fleming, beta: 0, design_hazard_ratio: 0.7}"), 21, "interim.group_sequential.futility.beta", "a type II error beta in (0, 0.5)" },
        { "beta_spending without a design alternative", Futility("{beta_spending: obrien_fleming, beta: 0.2}"), 21, "interim.group_sequential.futility", "exactly one of design_hazard_ratio: HR in (0, 1), design_drift: > 0" },
        { "design hazard ratio and drift", Futility("{beta_spending: obrien_fleming, beta: 0.2, design_hazard_ratio: 0.7, design_drift: 2.5}"), 21, "interim.group_sequential.futility.design_drift", "exactly one of design_hazard_ratio" },
        { "design hazard ratio 1", Futility("{beta_spending: obrien_fleming, beta: 0.2, design_hazard_ratio: 1}"), 21, "interim.group_sequential.futility.design_hazard_ratio", "a design hazard ratio in (0, 1)" },
        { "design hazard ratio above 1", Futility("{beta_spending: obrien_fleming, beta: 0.2, design_hazard_ratio: 1.3}"), 21, "interim.group_sequential.futility.design_hazard_ratio", "a design hazard ratio in (0, 1)" },
        { "design drift 0", Futility("{beta_spending: obrien_fleming, beta: 0.2, design_drift: 0}"), 21, "interim.group_sequential.futility.design_drift", "a design drift > 0" },
        { "unknown beta spending function", Futility("{beta_spending: linear, beta: 0.2, design_drift: 2.5}"), 21, "interim.group_sequential.futility.beta_spending", "obrien_fleming, pocock" },
        { "beta with fixed z futility", Futility("{z: [0, 0.5], beta: 0.2}"), 21, "interim.group_sequential.futility.beta", "{beta_spending: function, beta: (0, 0.5)" },
        { "futility z one too many", Futility("{z: [0, 0.5, 1]}"), 21, "interim.group_sequential.futility.z", "2 z values, one per interim look" },
        { "hazard ratio 0", Futility("{hazard_ratio: 0}"), 21, "interim.group_sequential.futility.hazard_ratio", "a hazard ratio > 0" },
        { "binding hazard ratio", Futility("{hazard_ratio: 1, binding: true}"), 21, "interim.group_sequential.futility.binding", "binding: false (or omit it); for a binding rule give z bounds" },
        { "binding conditional power", Futility("{conditional_power: 0.1, binding: true}"), 21, "interim.group_sequential.futility.binding", "binding: false (or omit it)" },
        { "conditional power 1", Futility("{conditional_power: 1}"), 21, "interim.group_sequential.futility.conditional_power", "a conditional power in (0, 1)" },
        { "binding not a boolean", Futility("{z: [0, 0], binding: yes}"), 21, "interim.group_sequential.futility.binding", "true or false (default false)" },
        { "hazard ratio futility on a rate monitor", Futility("{hazard_ratio: 1}", G(12, "  - {name: logrank, type: landmark_rate_difference, experimental: experimental, control: control, landmark: 6}")), 21, "interim.group_sequential.futility.hazard_ratio", "a logrank or cox monitor" },
        // simon
        { "simon with analysis_time", ScenarioExamples.Simon.Replace("accrual:", "analysis_time: {events: 20}\naccrual:"), 2, "analysis_time", "no analysis_time with interim.simon (the final analysis is at n = 34 evaluable patients at 36 months)" },
        { "simon with looks", S(9, "  monitor: binomial-36\n  looks: [{events: 10}]"), 10, "interim.looks", "without looks or planned_information" },
        { "simon with planned_information", S(9, "  monitor: binomial-36\n  planned_information: 34"), 10, "interim.planned_information", "without looks or planned_information" },
        { "accrual below Simon's n", S(2, "accrual: {target: 30, rate: 1.25}"), 2, "accrual.target", "accrual.target at least n = 34, plus an allowance for dropout and ineligible patients (e.g. 40 for 15%)" },
        { "p1 below p0", Simon("{design: optimal, p1: 0.1}"), 10, "interim.simon.p1", "a rate under H1 between the monitored analysis's null_rate (0.15) and 1" },
        { "p1 missing", Simon("{design: optimal}"), 10, "interim.simon.p1", "{design: optimal or minimax, p1: rate under H1" },
        { "unknown Simon design", Simon("{design: best, p1: 0.35}"), 10, "interim.simon.design", "optimal (smallest expected size under H0) or minimax (smallest total size)" },
        { "power 1", Simon("{design: optimal, p1: 0.35, power: 1}"), 10, "interim.simon.power", "a power in (0, 1), default 0.8" },
        { "neither design nor explicit", Simon("{p1: 0.35}"), 10, "interim.simon", "{design: optimal or minimax, p1: rate under H1, power: (0, 1), default 0.8} or {explicit: {n1, r1, n, r}}" },
        { "design and explicit", Simon("{design: optimal, p1: 0.35, explicit: {n1: 9, r1: 1, n: 34, r: 8}}"), 10, "interim.simon.explicit", "{explicit: {n1, r1, n, r}}" },
        { "explicit with p1", Simon("{explicit: {n1: 9, r1: 1, n: 34, r: 8}, p1: 0.35}"), 10, "interim.simon.p1", "an explicit design alone" },
        { "explicit r1 not below n1", Simon("{explicit: {n1: 9, r1: 9, n: 34, r: 9}}"), 10, "interim.simon.explicit", "with 1 <= n1 < n, 0 <= r1 < n1, r1 <= r < n" },
        { "explicit without r", Simon("{explicit: {n1: 9, r1: 1, n: 34}}"), 10, "interim.simon.explicit.r", "{n1: first-stage patients" },
        { "explicit negative r1", Simon("{explicit: {n1: 9, r1: -1, n: 34, r: 8}}"), 10, "interim.simon.explicit.r1", "r1, a whole number in [0, n1)" },
        { "no Simon design within the search limit", Simon("{design: optimal, p1: 0.17}"), 10, "interim.simon", "p1 further from the null rate, a larger alpha or a lower power; or an explicit design {n1, r1, n, r}" },
        { "unknown simon key", Simon("{design: optimal, p1: 0.35, beta: 0.2}"), 10, "interim.simon.beta", "one of: design, p1, power, explicit" },
        // bayesian
        { "bayesian without efficacy_threshold", Bayesian("{harm_threshold: 0.05}"), 18, "interim.bayesian.efficacy_threshold", "{efficacy_threshold: (0, 1)" },
        { "efficacy_threshold 1", Bayesian("{efficacy_threshold: 1}"), 18, "interim.bayesian.efficacy_threshold", "a posterior probability in (0, 1) at or above which an interim look stops for success" },
        { "harm_threshold not below efficacy", Bayesian("{efficacy_threshold: 0.9, harm_threshold: 0.9}"), 18, "interim.bayesian.harm_threshold", "a harm threshold below the efficacy threshold (0.9)" },
        { "harm_threshold 0", Bayesian("{efficacy_threshold: 0.9, harm_threshold: 0}"), 18, "interim.bayesian.harm_threshold", "a posterior probability in (0, 1) at or below which" },
        { "min_predictive_probability above 1", Bayesian("{efficacy_threshold: 0.9, min_predictive_probability: 1.5}"), 18, "interim.bayesian.min_predictive_probability", "a predictive probability of final success in (0, 1)" },
        { "bayesian after_last_patient without planned information", B(3, "analysis_time: {after_last_patient: 12}"), 13, "interim.planned_information", "needed when the final analysis_time is not events or evaluable" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void NamesLineFieldAndExpectedForm(string @case, string yaml, int line, string field, string expected)
        => ScenarioText.AssertNamesLineFieldAndExpectedForm(@case, yaml, line, field, expected);

    [Fact]
    public void SimonAnalysisTimeErrorSaysWhy()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(
            ScenarioExamples.Simon.Replace("accrual:", "analysis_time: {after_last_patient: 41}\naccrual:"), "s.yaml"));
        Assert.Equal("simon sets the final analysis to the n-th evaluable patient", error.Problem);
    }

    [Fact]
    public void AccrualErrorNamesSimonsN()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(S(2, "accrual: {target: 30, rate: 1.25}"), "s.yaml"));
        Assert.Equal("accrual target 30 is below the Simon design's n = 34 evaluable patients", error.Problem);
    }

    [Fact]
    public void BindingErrorNamesTheRule()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Futility("{hazard_ratio: 1, binding: true}"), "g.yaml"));
        Assert.StartsWith("a hazard_ratio futility rule cannot be binding", error.Problem);
    }

    [Fact]
    public void MonitorTypeErrorNamesTheType()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(G(15, "  monitor: bayes"), "g.yaml"));
        Assert.Equal("group_sequential cannot monitor 'bayes', a bayesian_rate analysis", error.Problem);
    }
}

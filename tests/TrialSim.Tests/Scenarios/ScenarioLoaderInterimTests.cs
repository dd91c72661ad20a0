using TrialSim.Conduct;
using TrialSim.Decisions;
using TrialSim.Scenarios;

namespace TrialSim.Tests.Scenarios;

/// <summary>Interim looks and stopping rules read from <c>interim:</c>, and the evaluable analysis time.</summary>
public class ScenarioLoaderInterimTests
{
    private static Scenario Parse(string yaml) => ScenarioLoader.Parse(yaml, "interim.yaml");

    private static string Line(string yaml, int line, string text)
    {
        var lines = yaml.Split('\n');
        lines[line - 1] = text;
        return string.Join('\n', lines);
    }

    [Fact]
    public void GroupSequentialTwoArmDesign()
    {
        var scenario = Parse(ScenarioExamples.GroupSequential);
        var interim = Assert.IsType<InterimDesign>(scenario.Interim);
        Assert.Equal("logrank", interim.Monitor);
        Assert.Equal<AnalysisTime>([new AtInformationFraction(0.5), new AtEventCount(150, null)], interim.Looks);
        Assert.Null(interim.PlannedInformation);
        Assert.Equal(new AtEventCount(200, null), scenario.AnalysisTime);
        var rule = Assert.IsType<GroupSequentialRule>(interim.Rule);
        var efficacy = Assert.IsType<SpendingEfficacyBoundary>(rule.Efficacy);
        Assert.IsType<LanDeMetsOBrienFleming>(efficacy.Function);
        var futility = Assert.IsType<BetaSpendingFutility>(rule.Futility);
        Assert.IsType<LanDeMetsOBrienFleming>(futility.Function);
        Assert.Equal(0.2, futility.Beta);
        Assert.False(futility.Binding);
        // -ln(0.7) sqrt(200 / 4): the final 200 events are the planned information.
        Assert.Equal(-Math.Log(0.7) * Math.Sqrt(50), futility.DesignDrift, 12);
        Assert.Equal(2.5220727153840940, futility.DesignDrift, 12);
    }

    [Fact]
    public void ExplicitPlannedInformationSetsTheDriftAndAllowsACalendarFinal()
    {
        string yaml = Line(ScenarioExamples.GroupSequential, 3, "analysis_time: {calendar: 48}")
            .Replace("  monitor: logrank", "  monitor: logrank\n  planned_information: 180");
        var interim = Parse(yaml).Interim!;
        Assert.Equal(180, interim.PlannedInformation);
        var futility = Assert.IsType<BetaSpendingFutility>(((GroupSequentialRule)interim.Rule).Futility);
        Assert.Equal(-Math.Log(0.7) * Math.Sqrt(45), futility.DesignDrift, 12);
    }

    public static TheoryData<string, string, EfficacyBoundary> EfficacyForms => new()
    {
        { "pocock", "{spending: pocock}", new SpendingEfficacyBoundary(new LanDeMetsPocock()) },
        { "hwang-shih-decani", "{spending: {hwang_shih_decani: -4}}", new SpendingEfficacyBoundary(new HwangShihDeCani(-4)) },
        { "kim-demets", "{spending: {kim_demets: 3}}", new SpendingEfficacyBoundary(new KimDeMetsPower(3)) },
        { "haybittle-peto", "{haybittle_peto: 3}", new HaybittlePetoBoundary(3) },
        { "fixed z", "{z: [3.5, 2.8, 2.0]}", new FixedEfficacyBoundary([3.5, 2.8, 2.0]) },
    };

    [Theory]
    [MemberData(nameof(EfficacyForms))]
    public void EfficacyBoundaryForms(string @case, string efficacy, EfficacyBoundary expected)
    {
        var rule = (GroupSequentialRule)Parse(Line(ScenarioExamples.GroupSequential, 20, $"    efficacy: {efficacy}")).Interim!.Rule;
        Assert.True(expected.Equals(rule.Efficacy), $"{@case}: {rule.Efficacy}");
    }

    public static TheoryData<string, string, FutilityRule?> FutilityForms => new()
    {
        { "fixed z", "    futility: {z: [-0.5, 0.0]}", new FixedZFutility([-0.5, 0.0], false) },
        { "binding fixed z", "    futility: {z: [-0.5, 0.0], binding: true}", new FixedZFutility([-0.5, 0.0], true) },
        { "hazard ratio", "    futility: {hazard_ratio: 1.0}", new HazardRatioFutility(1.0, false) },
        { "conditional power", "    futility: {conditional_power: 0.1, binding: false}", new ConditionalPowerFutility(0.1, false) },
        { "design drift", "    futility: {beta_spending: pocock, beta: 0.1, design_drift: 2.9, binding: true}", new BetaSpendingFutility(new LanDeMetsPocock(), 0.1, 2.9, true) },
        { "none", "", null },
    };

    [Theory]
    [MemberData(nameof(FutilityForms))]
    public void FutilityRuleForms(string @case, string futility, FutilityRule? expected)
    {
        var rule = (GroupSequentialRule)Parse(Line(ScenarioExamples.GroupSequential, 21, futility)).Interim!.Rule;
        Assert.True(Equals(expected, rule.Futility), $"{@case}: {rule.Futility}");
    }

    [Fact]
    public void LookKinds()
    {
        string yaml = ScenarioExamples.GroupSequential.Replace(
            "    - {information: 0.5}\n    - {events: 150}",
            "    - {calendar: 12}\n    - {enrolled: 300}\n    - {evaluable: 320, landmark: 6}\n    - {events: 100}\n    - {information: 0.75}");
        Assert.Equal<AnalysisTime>(
            [new AtCalendarTime(12), new AtEnrolment(300), new AtEvaluable(320, 6), new AtEventCount(100, null), new AtInformationFraction(0.75)],
            Parse(yaml).Interim!.Looks);
    }

    [Fact]
    public void SimonOptimalDesignSetsTheLooksAndTheFinalAnalysis()
    {
        var scenario = Parse(ScenarioExamples.Simon);
        var interim = Assert.IsType<InterimDesign>(scenario.Interim);
        var simon = Assert.IsType<SimonRule>(interim.Rule);
        Assert.Equal(SimonSearch.Optimal(0.15, 0.35, 0.05, 0.2), simon.Design);
        Assert.Equal(new SimonDesign(9, 1, 34, 8), simon.Design);
        Assert.Equal("binomial-36", interim.Monitor);
        Assert.Equal<AnalysisTime>([new AtEvaluable(9, 36)], interim.Looks);
        Assert.Null(interim.PlannedInformation);
        Assert.Equal(new AtEvaluable(34, 36), scenario.AnalysisTime);
    }

    [Fact]
    public void SimonMinimaxDefaultPowerAndExplicitDesigns()
    {
        var minimax = Parse(Line(ScenarioExamples.Simon, 10, "  simon: {design: minimax, p1: 0.35}"));
        Assert.Equal(SimonSearch.Minimax(0.15, 0.35, 0.05, 0.2), ((SimonRule)minimax.Interim!.Rule).Design);
        var explicitDesign = Parse(Line(ScenarioExamples.Simon, 10, "  simon: {explicit: {n1: 10, r1: 1, n: 29, r: 6}}"));
        Assert.Equal(new SimonDesign(10, 1, 29, 6), ((SimonRule)explicitDesign.Interim!.Rule).Design);
        Assert.Equal(new AtEvaluable(29, 36), explicitDesign.AnalysisTime);
    }

    [Fact]
    public void BayesianMonitoring()
    {
        var scenario = Parse(ScenarioExamples.Bayesian);
        var interim = Assert.IsType<InterimDesign>(scenario.Interim);
        Assert.Equal("bayes-pfr6", interim.Monitor);
        Assert.Equal(new BayesianMonitoringRule(0.95, 0.05, 0.1), interim.Rule);
        Assert.Equal<AnalysisTime>([new AtEvaluable(25, 6), new AtEnrolment(50)], interim.Looks);
        Assert.Equal(new AtEvaluable(50, 6), scenario.AnalysisTime);
        var bare = Parse(Line(ScenarioExamples.Bayesian, 18, "  bayesian: {efficacy_threshold: 0.99}"));
        Assert.Equal(new BayesianMonitoringRule(0.99, null, null), bare.Interim!.Rule);
    }

    [Fact]
    public void NoInterimByDefault()
    {
        Assert.Null(Parse(ScenarioExamples.TwoArmMinimal).Interim);
    }
}

using TrialSim.Analyses;
using TrialSim.Cohorts;
using TrialSim.Distributions;
using TrialSim.Running;
using TrialSim.Scenarios;

namespace TrialSim.Tests.Scenarios;

/// <summary>The randomised-design additions: arms, randomisation, stratification, per-arm truths
/// and the two-arm analyses, read from <see cref="ScenarioExamples.TwoArm"/>.</summary>
public class ScenarioLoaderTwoArmTests
{
    private static Scenario GistTen() => ScenarioLoader.Parse(ScenarioExamples.TwoArm, "gist-ten.yaml");

    [Fact]
    public void ArmsWithRatiosDefaultingToOne()
    {
        Assert.Equal<Arm>([new Arm("stop", 2), new Arm("continue", 1)], GistTen().Arms);
    }

    [Fact]
    public void PermutedBlocks()
    {
        var blocks = Assert.IsType<PermutedBlockRandomisation>(GistTen().Randomisation);
        Assert.Equal<int>([3, 6], blocks.BlockSizes);
    }

    [Fact]
    public void SimpleRandomisationByDefaultOrAsked()
    {
        Assert.IsType<SimpleRandomisation>(ScenarioLoader.Parse(ScenarioExamples.TwoArmMinimal, "two.yaml").Randomisation);
        string simple = ScenarioExamples.TwoArmMinimal.Replace("truths:", "randomisation: {simple: true}\ntruths:");
        Assert.IsType<SimpleRandomisation>(ScenarioLoader.Parse(simple, "two.yaml").Randomisation);
    }

    [Fact]
    public void CrossedStrataWithPrevalencesAndMultipliers()
    {
        var strata = GistTen().Strata;
        Assert.Equal(["remission", "duration"], strata.Factors.Select(f => f.Name));
        Assert.Equal<StratumLevel>(
            [new StratumLevel("complete", 0.6, 0.7), new StratumLevel("residual", 0.4, 1.4)], strata.Factors[0].Levels);
        Assert.Equal<StratumLevel>(
            [new StratumLevel("under-12y", 0.75, 1), new StratumLevel("over-12y", 0.25, 0.9)], strata.Factors[1].Levels);
        Assert.Equal(4, strata.Count);
        Assert.Equal<string>(
            ["remission=complete,duration=under-12y", "remission=complete,duration=over-12y", "remission=residual,duration=under-12y", "remission=residual,duration=over-12y"],
            strata.Names);
        double[] prevalences = [0.45, 0.15, 0.3, 0.1];
        double[] multipliers = [0.7, 0.63, 1.4, 1.26];
        for (int k = 0; k < 4; k++)
        {
            Assert.Equal(prevalences[k], strata.Prevalences[k], 12);
            Assert.Equal(multipliers[k], strata.HazardMultipliers[k], 12);
        }
    }

    [Fact]
    public void NoStratificationIsOneStratum()
    {
        Assert.Same(Strata.None, ScenarioLoader.Parse(ScenarioExamples.TwoArmMinimal, "two.yaml").Strata);
    }

    [Fact]
    public void TruthsPerArmInArmOrder()
    {
        var points = GistTen().Points;
        Assert.Equal(["harmless", "H0"], points.Select(p => p.Name));
        var harmless = points[0];
        Assert.Equal(2, harmless.Arms.Length);

        // Arm 0 is stop (listed second in the file).
        var stop = harmless.Arms[0];
        var cure = Assert.IsType<CureMixtureModel>(stop.Progression);
        Assert.Equal(0.32, cure.Survival(12), 1e-9);
        Assert.Equal(0.165, cure.Survival(24), 1e-9);
        Assert.Equal(new ExponentialModel(0.002), stop.Death);
        Assert.NotNull(stop.Rechallenge);
        Assert.Equal(0.92, stop.Rechallenge.ResponseProbability);
        Assert.Equal(Math.Log(2) / 24, Assert.IsType<ExponentialModel>(stop.Rechallenge.ProgressionAfterRestart).Rate, 12);
        Assert.Null(stop.Switch);

        var @continue = harmless.Arms[1];
        Assert.Equal(-Math.Log(0.85) / 12, Assert.IsType<ExponentialModel>(@continue.Progression).Rate, 12);
        Assert.Null(@continue.Death);
        Assert.Null(@continue.Rechallenge);
        Assert.NotNull(@continue.Switch);
        Assert.Equal(new ExponentialModel(0.005), @continue.Switch.TimeToStop);
        Assert.Equal(0, @continue.Switch.ToArm);

        Assert.Equal(new TruthPoint("H0", [new ArmTruth(new ExponentialModel(0.05)), new ArmTruth(new ExponentialModel(0.05))]), points[1]);
    }

    [Fact]
    public void EveryTwoArmAnalysis()
    {
        var analyses = GistTen().Analyses;
        Assert.Equal(6, analyses.Length);
        Assert.Equal(new LogRankSpec("logrank", 0.05, 0.9, "continue", "stop", Stratified: true), analyses[0]);
        Assert.Equal(new CoxSpec("cox-ni", 0.025, 0.95, "stop", "continue", CoxTies.Breslow, Stratified: false, NonInferiorityMargin: 1.5), analyses[1]);
        Assert.Equal(new LandmarkRateDifferenceSpec("landmark_rate_difference", 0.05, 0.9, "stop", "continue", 6, RateEstimator.Binary, 0.15), analyses[2]);
        Assert.Equal(new FisherExactSpec("fisher_exact", 0.05, 0.9, "continue", "stop", 6), analyses[3]);
        Assert.Equal(new BayesianRateSpec("bayesian_rate", 0.05, 0.9, "stop", "continue", 6,
            ExperimentalPriorA: 0.5, ExperimentalPriorB: 2, ControlPriorA: 1, ControlPriorB: 1, Margin: 0.1, Threshold: 0.8), analyses[4]);
        Assert.Equal(new RestrictedMeanSpec("rmst_difference", 0.05, 0.9, "continue", "stop", 12, 1), analyses[5]);
    }

    [Fact]
    public void TwoArmAnalysisDefaults()
    {
        string yaml = ScenarioExamples.TwoArmMinimal.Replace(
            "  - {type: logrank, experimental: continue, control: stop}",
            """
              - {type: logrank, experimental: continue, control: stop}
              - {type: cox, experimental: continue, control: stop}
              - {type: landmark_rate_difference, experimental: continue, control: stop, landmark: 6}
              - {type: bayesian_rate, experimental: continue, control: stop, landmark: 6, threshold: 0.9}
              - {type: rmst_difference, experimental: continue, control: stop, horizon: 12}
            """);
        var analyses = ScenarioLoader.Parse(yaml, "defaults.yaml").Analyses;
        Assert.Equal(new LogRankSpec("logrank", 0.05, 0.9, "continue", "stop", false), analyses[0]);
        Assert.Equal(new CoxSpec("cox", 0.05, 0.9, "continue", "stop", CoxTies.Efron, false, 1), analyses[1]);
        Assert.Equal(new LandmarkRateDifferenceSpec("landmark_rate_difference", 0.05, 0.9, "continue", "stop", 6, RateEstimator.KaplanMeier, 0), analyses[2]);
        Assert.Equal(new BayesianRateSpec("bayesian_rate", 0.05, 0.9, "continue", "stop", 6, 1, 1, 1, 1, 0, 0.9), analyses[3]);
        Assert.Equal(new RestrictedMeanSpec("rmst_difference", 0.05, 0.9, "continue", "stop", 12, 0), analyses[4]);
    }

    [Fact]
    public void SingleArmTruthMayTakeRechallenge()
    {
        var scenario = ScenarioLoader.Parse(ScenarioExamples.WithProgression(
            "{exponential: {rate: 0.05}}, rechallenge: {response: 1, progression: {exponential: {rate: 0.02}}}"), "r.yaml");
        Assert.Equal(Scenario.SingleArm, scenario.Arms);
        Assert.Equal(new ArmTruth(new ExponentialModel(0.05), null, new Rechallenge(1, new ExponentialModel(0.02))), scenario.Points[0].Arms[0]);
    }

    [Fact]
    public void SingleArmFilesKeepTheirMeaning()
    {
        var scenario = ScenarioLoader.Parse(ScenarioExamples.SsgXxv, "ssg-xxv.yaml");
        Assert.Equal<Arm>([new Arm("single-arm", 1)], scenario.Arms);
        Assert.IsType<SimpleRandomisation>(scenario.Randomisation);
        Assert.Same(Strata.None, scenario.Strata);
        Assert.All(scenario.Points, p => Assert.Equal(new ArmTruth(p.Arms[0].Progression, p.Arms[0].Death), Assert.Single(p.Arms)));
    }

    [Fact]
    public void CompilesIntoASimulationPlan()
    {
        var plan = SimulationPlan.Compile(GistTen());
        Assert.Equal(2, plan.ArmCount);
        Assert.Equal(6, plan.MaxBlockSize);
        Assert.Equal(new Comparison(1, 0), plan.Comparisons[0]);
        Assert.Equal(new Comparison(0, 1), plan.Comparisons[1]);
        // Equal exponential arms under H0: hazard ratio 1, no difference in rates.
        Assert.Equal(1, plan.TrueValues[1][0], 12);
        Assert.Equal(0, plan.TrueValues[1][2], 12);
    }
}

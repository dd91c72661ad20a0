using MathNet.Numerics.Distributions;
using TrialSim.Analyses;
using TrialSim.Cohorts;
using TrialSim.Conduct;
using TrialSim.Decisions;
using TrialSim.Distributions;
using TrialSim.Running;
using TrialSim.Scenarios;
using static TrialSim.Tests.Running.TestScenarios;

namespace TrialSim.Tests.Running;

/// <summary>Designs with interim looks against exact answers, within 3 Monte Carlo standard errors (fixed seeds).</summary>
public class SequentialDesignTest
{
    private static readonly LogRankSpec LogRank = new("logrank", 0.025, 0.95, "experimental", "control", false);

    private static Scenario GroupSequential(EventTimeModel experimental, EventTimeModel control, AnalysisTime[] looks, int finalEvents, int replicates,
        FutilityRule? futility = null) =>
        SingleArm(400, control, analysisTime: new AtEventCount(finalEvents, null), accrualRate: 400 / 24.0, replicates: replicates) with
        {
            Arms = [new Arm("experimental", 1), new Arm("control", 1)],
            Randomisation = new PermutedBlockRandomisation([2, 4]),
            Points = [new TruthPoint("truth", [new ArmTruth(experimental), new ArmTruth(control)])],
            Analyses = [LogRank],
            Interim = new InterimDesign([.. looks], "logrank", new GroupSequentialRule(new SpendingEfficacyBoundary(new LanDeMetsOBrienFleming()), futility), null),
        };

    /// <summary>
    /// Three-look O'Brien-Fleming log-rank design at 100 / 150 / 200 events under equal hazards: the
    /// probability of stopping at each look is the design's exit probability under H0 (by numerical
    /// integration), and the total is alpha.
    /// </summary>
    [Fact]
    public void OBrien_Fleming_stopping_probabilities_under_H0_match_the_design()
    {
        var model = ExponentialModel.WithMedian(12);
        var scenario = GroupSequential(model, model, [new AtEventCount(100, null), new AtEventCount(150, null)], 200, 20_000);
        var result = SimulationRunner.Run(scenario, new RunOptions(Threads: 2));
        var fractions = new[] { 0.5, 0.75, 1.0 };
        var efficacy = new double[3];
        var futility = new double[3];
        GroupSequentialBoundaries.Compute(fractions, fractions, 0.025, new SpendingEfficacyBoundary(new LanDeMetsOBrienFleming()), null, efficacy, futility);
        Assert.Equal(2.96259, efficacy[0], 4);
        var exit = new double[3];
        var futilityExit = new double[3];
        GroupSequentialBoundaries.CrossingProbabilities(fractions, efficacy, [double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity], 0, exit, futilityExit);
        var looks = result.LookRows.OrderBy(r => r.Look).ToArray();
        Assert.Equal(3, looks.Length);
        for (int k = 0; k < 3; k++)
        {
            WithinThreeMcse(exit[k], looks[k].StopEfficacyRate, ProportionMcse(exit[k], looks[k].Replicates), $"P(stop for efficacy at look {k + 1})");
            Assert.Equal(efficacy[k], looks[k].EfficacyBound.Mean, 6); // the event counts hit the plan exactly
        }
        var row = Assert.Single(result.Rows);
        WithinThreeMcse(0.025, row.RejectionRate, ProportionMcse(0.025, row.Replicates), "overall type I error");
    }

    /// <summary>
    /// Looks at calendar months 20 and 30 see event counts that vary from trial to trial; the bounds
    /// are recomputed from the information each trial observes, so the type I error stays at alpha.
    /// </summary>
    [Fact]
    public void Type_I_error_holds_when_looks_see_unplanned_event_counts()
    {
        var model = ExponentialModel.WithMedian(12);
        var scenario = GroupSequential(model, model, [new AtCalendarTime(20), new AtCalendarTime(30)], 200, 20_000);
        var result = SimulationRunner.Run(scenario, new RunOptions(Threads: 2));
        var looks = result.LookRows.OrderBy(r => r.Look).ToArray();
        Assert.True(looks[0].Information.Mean > 0 && looks[0].Information.Mean < 200);
        var row = Assert.Single(result.Rows);
        WithinThreeMcse(0.025, row.RejectionRate, ProportionMcse(0.025, row.Replicates), "type I error with calendar looks");
    }

    /// <summary>
    /// Non-binding beta-spending futility (O'Brien-Fleming type, beta 0.2, the design's drift) at
    /// 100 / 150 of 200 events under H0: the probability of stopping for futility and for efficacy at
    /// each look is the design's exit probability. (Regression: interim futility bounds were once
    /// computed as if the interim were the last look, which closes them onto the efficacy bound.)
    /// </summary>
    [Fact]
    public void Beta_spending_futility_stops_match_the_design_exit_probabilities()
    {
        var fractions = new[] { 0.5, 0.75, 1.0 };
        var efficacyBoundary = new SpendingEfficacyBoundary(new LanDeMetsOBrienFleming());
        double drift = GroupSequentialBoundaries.BetaSpendingDesignDrift(fractions, fractions, 0.025, efficacyBoundary, new LanDeMetsOBrienFleming(), 0.2, binding: false);
        var futilityRule = new BetaSpendingFutility(new LanDeMetsOBrienFleming(), 0.2, drift, Binding: false);
        var efficacy = new double[3];
        var futility = new double[3];
        GroupSequentialBoundaries.Compute(fractions, fractions, 0.025, efficacyBoundary, futilityRule, efficacy, futility);
        var efficacyExit = new double[3];
        var futilityExit = new double[3];
        futility[2] = double.NegativeInfinity; // no futility stop at the final look
        GroupSequentialBoundaries.CrossingProbabilities(fractions, efficacy, futility, 0, efficacyExit, futilityExit);
        var model = ExponentialModel.WithMedian(12);
        var scenario = GroupSequential(model, model, [new AtEventCount(100, null), new AtEventCount(150, null)], 200, 20_000, futilityRule);
        var looks = SimulationRunner.Run(scenario, new RunOptions(Threads: 2)).LookRows.OrderBy(r => r.Look).ToArray();
        for (int k = 0; k < 2; k++)
        {
            Assert.Equal(futility[k], looks[k].FutilityBound.Mean, 6);
            WithinThreeMcse(futilityExit[k], looks[k].StopFutilityRate, ProportionMcse(futilityExit[k], looks[k].Replicates), $"P(stop for futility at look {k + 1})");
            WithinThreeMcse(efficacyExit[k], looks[k].StopEfficacyRate, ProportionMcse(efficacyExit[k], looks[k].Replicates), $"P(stop for efficacy at look {k + 1})");
        }
    }

    /// <summary>
    /// Conditional-power futility (stop when CP under the current trend is below 0.1) uses, at each
    /// interim, the final bound the design has with the rest of the information as planned: at 100
    /// of 200 events the two-look O'Brien-Fleming final bound, at 150 the three-look one (2.01408).
    /// </summary>
    [Fact]
    public void Conditional_power_futility_uses_the_planned_final_bound()
    {
        var model = ExponentialModel.WithMedian(12);
        var scenario = GroupSequential(model, model, [new AtEventCount(100, null), new AtEventCount(150, null)], 200, 500,
            new ConditionalPowerFutility(0.1, Binding: false));
        var looks = SimulationRunner.Run(scenario, new RunOptions(Threads: 2)).LookRows.OrderBy(r => r.Look).ToArray();
        var efficacy = new double[2];
        var unused = new double[2];
        GroupSequentialBoundaries.Compute([0.5, 1.0], [0.5, 1.0], 0.025, new SpendingEfficacyBoundary(new LanDeMetsOBrienFleming()), null, efficacy, unused);
        Assert.Equal(ConditionalPowerFutility.ZBound(0.1, 0.5, efficacy[1]), looks[0].FutilityBound.Mean, 6);
        Assert.Equal(ConditionalPowerFutility.ZBound(0.1, 0.75, 2.01408), looks[1].FutilityBound.Mean, 4);
        // With the current trend, CP at the bound is the threshold.
        double z = looks[1].FutilityBound.Mean;
        Assert.Equal(0.1, ConditionalPowerFutility.ConditionalPower(z, 0.75, 2.01408, ConditionalPowerFutility.CurrentTrendDrift(z, 0.75)), 4);
    }

    /// <summary>Event-driven looks repeat the same information, so after warm-up the bounds are memo hits and a trial allocates nothing.</summary>
    [Fact]
    public void Group_sequential_trial_allocates_nothing_once_warm()
    {
        var control = ExponentialModel.WithMedian(12);
        var plan = SimulationPlan.Compile(GroupSequential(new ExponentialModel(control.Rate * 0.7), control,
            [new AtEventCount(100, null), new AtEventCount(150, null)], 200, 1, new BetaSpendingFutility(new LanDeMetsOBrienFleming(), 0.2, 2.9, false)));
        var workspace = new TrialWorkspace(plan);
        for (uint r = 0; r < 200; r++) TrialSimulator.Simulate(plan, 0, r, workspace);
        Assert.Equal(0, AllocationMeter.SteadyStateBytes(() => { for (uint r = 0; r < 200; r++) TrialSimulator.Simulate(plan, 0, r, workspace); }));
    }

    /// <summary>A trial stopped at a look enrols nobody after it: expected sample size falls below the maximum under H1.</summary>
    [Fact]
    public void Stopping_early_stops_enrolment()
    {
        var control = ExponentialModel.WithMedian(12);
        var scenario = GroupSequential(new ExponentialModel(control.Rate * 0.6), control, [new AtEventCount(60, null), new AtEventCount(120, null)], 180, 2_000);
        var result = SimulationRunner.Run(scenario, new RunOptions(Threads: 2));
        var row = Assert.Single(result.Rows);
        var looks = result.LookRows.OrderBy(r => r.Look).ToArray();
        Assert.True(looks[0].StopEfficacyRate + looks[1].StopEfficacyRate > 0.3, "early efficacy stops are common at HR 0.6");
        Assert.True(row.Enrolled.Mean < 400, $"mean enrolled {row.Enrolled.Mean} should fall below 400");
        Assert.True(row.Events.Mean < 180);
    }

    /// <summary>
    /// Simon's optimal design for SSG XXV's hypotheses (p0 0.15, p1 0.35, alpha 0.05, power 0.8),
    /// simulated with everyone followed to the landmark: rejection and early stopping reproduce the
    /// design's exact binomial probabilities.
    /// </summary>
    [Fact]
    public void Simon_design_reproduces_its_exact_operating_characteristics()
    {
        var design = SimonSearch.Optimal(0.15, 0.35, 0.05, 0.20);
        var stage1 = new AtEvaluable(design.FirstStageSize, 36);
        var final = new AtEvaluable(design.TotalSize, 36);
        var spec = new BinomialLandmarkSpec("binomial-36", 0.05, 0.90, 36, 0.15);
        foreach (double p in new[] { 0.15, 0.35 })
        {
            var scenario = SingleArm(design.TotalSize, ExponentialModel.ThroughLandmark(36, p), analysisTime: final, replicates: 20_000, analyses: spec) with
            {
                Interim = new InterimDesign([stage1], "binomial-36", new SimonRule(design), null),
            };
            var result = SimulationRunner.Run(scenario, new RunOptions(Threads: 2));
            var row = Assert.Single(result.Rows);
            double reject = design.RejectionProbability(p);
            double earlyStop = design.EarlyStopProbability(p);
            WithinThreeMcse(reject, row.RejectionRate, ProportionMcse(reject, row.Replicates), $"Simon rejection at p = {p}");
            var first = result.LookRows.Single(r => r.Look == 0);
            WithinThreeMcse(earlyStop, first.StopFutilityRate, ProportionMcse(earlyStop, first.Replicates), $"Simon early stop at p = {p}");
        }
    }
}

public class BayesianMonitoringTest
{
    /// <summary>
    /// Gist-Ten-like: 25 per arm, one scan at the 6-month landmark (so status is known exactly 6
    /// months after entry and the interim sees exactly the first 20 patients, 10 per arm). Interim:
    /// stop for success when P(pE &gt; pC - 0.1) &gt;= 0.95, for harm when &lt;= 0.10; final: success when
    /// above 0.8. Stopping and success probabilities are exact sums over the binomial counts.
    /// </summary>
    [Fact]
    public void Bayesian_monitoring_matches_exact_enumeration()
    {
        const double pE = 0.85, pC = 0.90, landmark = 6;
        var spec = new BayesianRateSpec("bayes", 0.05, 0.9, "stop", "continue", landmark, 1, 1, 1, 1, Margin: 0.1, Threshold: 0.8);
        var rule = new BayesianMonitoringRule(EfficacyThreshold: 0.95, HarmThreshold: 0.10, MinPredictiveProbability: null);
        var scenario = SingleArm(50, ExponentialModel.ThroughLandmark(landmark, pC), analysisTime: new AtEvaluable(50, landmark),
            assessments: new AssessmentSchedule([landmark], double.PositiveInfinity), replicates: 20_000, analyses: spec) with
        {
            Arms = [new Arm("stop", 1), new Arm("continue", 1)],
            Randomisation = new PermutedBlockRandomisation([2]),
            Points = [new TruthPoint("t", [new ArmTruth(ExponentialModel.ThroughLandmark(landmark, pE)), new ArmTruth(ExponentialModel.ThroughLandmark(landmark, pC))])],
            Interim = new InterimDesign([new AtEvaluable(20, landmark)], "bayes", rule, null),
        };
        var posterior = new Dictionary<(int, int, int, int), double>();
        double Posterior(int xE, int nE, int xC, int nC)
        {
            if (!posterior.TryGetValue((xE, nE, xC, nC), out double value))
                posterior[(xE, nE, xC, nC)] = value = BetaBinomialPosterior.ProbabilityExceeds(1 + xE, 1 + nE - xE, 1 + xC, 1 + nC - xC, 0.1);
            return value;
        }
        double stopSuccess = 0, stopHarm = 0, finalSuccess = 0;
        for (int x1E = 0; x1E <= 10; x1E++)
            for (int x1C = 0; x1C <= 10; x1C++)
            {
                double weight = Binomial.PMF(pE, 10, x1E) * Binomial.PMF(pC, 10, x1C);
                double interim = Posterior(x1E, 10, x1C, 10);
                if (interim >= 0.95) { stopSuccess += weight; continue; }
                if (interim <= 0.10) { stopHarm += weight; continue; }
                for (int x2E = 0; x2E <= 15; x2E++)
                    for (int x2C = 0; x2C <= 15; x2C++)
                        if (Posterior(x1E + x2E, 25, x1C + x2C, 25) > 0.8)
                            finalSuccess += weight * Binomial.PMF(pE, 15, x2E) * Binomial.PMF(pC, 15, x2C);
            }
        var result = SimulationRunner.Run(scenario, new RunOptions(Threads: 2));
        var looks = result.LookRows.OrderBy(r => r.Look).ToArray();
        WithinThreeMcse(stopSuccess, looks[0].StopEfficacyRate, ProportionMcse(stopSuccess, looks[0].Replicates), "P(stop for success at the interim)");
        WithinThreeMcse(stopHarm, looks[0].StopFutilityRate, ProportionMcse(stopHarm, looks[0].Replicates), "P(stop for harm at the interim)");
        var row = Assert.Single(result.Rows);
        double success = stopSuccess + finalSuccess;
        WithinThreeMcse(success, row.RejectionRate, ProportionMcse(success, row.Replicates), "P(success overall)");
    }
}

using System.Collections.Immutable;
using TrialSim.Analyses;
using TrialSim.Cohorts;
using TrialSim.Conduct;
using TrialSim.Distributions;
using TrialSim.Scenarios;

namespace TrialSim.Tests.Running;

/// <summary>Small single-arm scenarios built in code, for engine tests with analytic answers.</summary>
internal static class TestScenarios
{
    public static Scenario SingleArm(
        int sampleSize,
        EventTimeModel progression,
        AnalysisTime? analysisTime = null,
        AssessmentSchedule? assessments = null,
        double? maxFollowUp = null,
        EventTimeModel? dropout = null,
        EventTimeModel? death = null,
        double accrualRate = 2.0,
        double? maxAccrual = null,
        double ineligibleFraction = 0,
        int replicates = 20_000,
        ulong seed = 12345,
        params AnalysisSpec[] analyses) =>
        new(
            Name: "test",
            Description: null,
            Seed: seed,
            Replicates: replicates,
            Accrual: new Accrual(sampleSize, new PiecewiseRate([0.0], [accrualRate]), maxAccrual, ineligibleFraction, []),
            Dropout: dropout,
            Assessments: assessments ?? AssessmentSchedule.Continuous,
            MaxFollowUp: maxFollowUp,
            AnalysisTime: analysisTime ?? new AfterLastPatient(36),
            Points: [new TruthPoint("truth", progression, death)],
            Analyses: analyses.Length > 0 ? [.. analyses] : [Binomial36]);

    public static readonly BinomialLandmarkSpec Binomial36 = new("binomial-36", 0.05, 0.90, 36, 0.15);

    /// <summary>|simulated - expected| within 3 Monte Carlo standard errors.</summary>
    public static void WithinThreeMcse(double expected, double simulated, double mcse, string what)
    {
        Assert.True(mcse > 0 && !double.IsNaN(simulated), $"{what}: no Monte Carlo error to judge by (mcse {mcse}, value {simulated})");
        Assert.True(Math.Abs(simulated - expected) <= 3 * mcse,
            $"{what}: simulated {simulated:G6} vs expected {expected:G6}, |diff| {Math.Abs(simulated - expected):G3} > 3 MCSE ({3 * mcse:G3})");
    }

    /// <summary>The binomial Monte Carlo standard error of a proportion at its analytic value.</summary>
    public static double ProportionMcse(double p, long replicates) => Math.Sqrt(p * (1 - p) / replicates);
}

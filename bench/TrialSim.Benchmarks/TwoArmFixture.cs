using TrialSim.Analyses;
using TrialSim.Cohorts;
using TrialSim.Conduct;
using TrialSim.Distributions;
using TrialSim.Scenarios;

namespace TrialSim.Benchmarks;

/// <summary>
/// The two-arm trial the benchmarks share: 500 patients 1:1 (permuted blocks of 4) over 12 months,
/// exponential PFS with 12-month progression-free rates 0.8 (experimental, arm 0) and 0.6 (control, arm 1),
/// continuous observation, no dropout.
/// </summary>
internal static class TwoArmFixture
{
    public const int Patients = 500;

    /// <summary>The scenario cut at <paramref name="analysisTime"/>, with log-rank and Cox (Efron).</summary>
    public static Scenario Scenario(AnalysisTime analysisTime)
    {
        var control = ExponentialModel.ThroughLandmark(12, 0.6);
        var experimental = ExponentialModel.ThroughLandmark(12, 0.8);
        return new Scenario("two-arm bench", null, 1, 1,
            new Accrual(Patients, new PiecewiseRate([0.0], [Patients / 12.0]), null, 0, []),
            null, AssessmentSchedule.Continuous, null, analysisTime,
            [new TruthPoint("H1", [new ArmTruth(experimental), new ArmTruth(control)])],
            [new LogRankSpec("logrank", 0.025, 0.95, "experimental", "control", false),
             new CoxSpec("cox", 0.025, 0.95, "experimental", "control", CoxTies.Efron, false, 1)])
        {
            Arms = [new Arm("experimental", 1), new Arm("control", 1)],
            Randomisation = new PermutedBlockRandomisation([4]),
        };
    }
}

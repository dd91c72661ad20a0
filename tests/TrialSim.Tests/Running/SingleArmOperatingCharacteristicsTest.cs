using TrialSim.Analyses;
using TrialSim.Cohorts;
using TrialSim.Conduct;
using TrialSim.Distributions;
using TrialSim.Running;
using static TrialSim.Tests.Running.TestScenarios;

namespace TrialSim.Tests.Running;

/// <summary>
/// Whole simulated trials against exact answers: each case is built so that the operating
/// characteristic has a closed form, and the simulated value must fall within 3 Monte Carlo
/// standard errors of it (fixed seeds, so each test is deterministic).
/// </summary>
public class SingleArmOperatingCharacteristicsTest
{
    private static readonly ExponentialModel Null15 = ExponentialModel.ThroughLandmark(36, 0.15);
    private static readonly ExponentialModel Alternative35 = ExponentialModel.ThroughLandmark(36, 0.35);

    /// <summary>
    /// shared/reference/validation.md: exact binomial "reject when at least r of n are
    /// progression-free at 36 months"; with everyone followed past 36 months and continuous
    /// observation, the simulated rejection rate must reproduce alpha and power.
    /// </summary>
    [Theory]
    [InlineData(26, 0.03208, 0.74036)]
    [InlineData(28, 0.04859, 0.81791)]
    [InlineData(31, 0.03408, 0.81063)]
    public void Binomial_landmark_test_reproduces_the_exact_binomial_table(int n, double alpha, double power)
    {
        foreach (var (model, expected) in new[] { (Null15, alpha), (Alternative35, power) })
        {
            var result = SimulationRunner.Run(SingleArm(n, model), new RunOptions(Threads: 2));
            var row = Assert.Single(result.Rows);
            Assert.Equal(n, row.AnalysisN);   // everyone evaluable: no censoring before 36 months
            WithinThreeMcse(expected, row.RejectionRate, ProportionMcse(expected, row.Replicates), $"n={n} rejection");
        }
    }

    /// <summary>
    /// With SSG XXV's scans (..., 31, 35, 41, ...), a progression in (35, 36] is first seen at 41
    /// and so counts as progression-free at 36: the binomial test then behaves as if the truth were
    /// S(35), not S(36). This pins down the scan-schedule logic exactly.
    /// </summary>
    [Fact]
    public void Scan_schedule_delays_detection_to_the_next_visit()
    {
        var schedule = AssessmentSchedule.FromSegments(2, [(3, 12), (4, 36), (6, 60)], double.PositiveInfinity);
        const int n = 28;
        int r = BinomialLandmarkTest.CriticalValue(n, 0.15, 0.05);
        double expected = BinomialLandmarkTest.TailProbability(n, r, Null15.Survival(35));
        Assert.True(expected > 0.06, "the shift must be big enough for the test to tell it from the continuous case (0.0486)");
        // Everyone is followed to 60 months, past the 41-month scan, so all are evaluable at 36.
        var result = SimulationRunner.Run(
            SingleArm(n, Null15, analysisTime: new AfterLastPatient(60), assessments: schedule, maxFollowUp: 60), new RunOptions(Threads: 2));
        var row = Assert.Single(result.Rows);
        Assert.Equal(n, row.AnalysisN);
        WithinThreeMcse(expected, row.RejectionRate, ProportionMcse(expected, row.Replicates), "rejection under scans");
        // The estimand is still the true S(36): the scan delay shows up as bias.
        Assert.Equal(0.15, row.TrueValue, 12);
        WithinThreeMcse(Null15.Survival(35), row.MeanEstimate, row.MeanEstimateMcse, "mean estimate under scans");
    }

    /// <summary>Enrolment closes at the maximum accrual period: P(close short) = P(Poisson(rate x period) &lt; target).</summary>
    [Fact]
    public void Closing_short_matches_the_poisson_probability()
    {
        const int target = 31;
        const double rate = 1.0, period = 29;
        double expected = MathNet.Numerics.Distributions.Poisson.CDF(rate * period, target - 1);
        // E[min(N, target)] for N ~ Poisson(29).
        double expectedEnrolled = 0;
        for (int k = 0; k < 400; k++)
            expectedEnrolled += Math.Min(k, target) * MathNet.Numerics.Distributions.Poisson.PMF(rate * period, k);
        var scenario = SingleArm(target, Null15, accrualRate: rate, maxAccrual: period);
        var row = Assert.Single(SimulationRunner.Run(scenario, new RunOptions(Threads: 2)).Rows);
        WithinThreeMcse(expected, row.ClosedShortRate, ProportionMcse(expected, row.Replicates), "P(close short)");
        WithinThreeMcse(expectedEnrolled, row.Enrolled.Mean, row.Enrolled.MeanMcse, "mean enrolled");
        Assert.True(row.AccrualDuration.P95 <= period * 1.001, "enrolment never runs past the maximum accrual period");
    }

    /// <summary>Ineligible patients count as enrolled but are not analysed: analysed ~ Binomial(n, 1 - f).</summary>
    [Fact]
    public void Ineligible_patients_are_excluded_from_analysis()
    {
        const int n = 31;
        const double fraction = 1.0 / 13;
        var row = Assert.Single(SimulationRunner.Run(SingleArm(n, Null15, ineligibleFraction: fraction), new RunOptions(Threads: 2)).Rows);
        Assert.Equal(n, row.Enrolled.Mean);
        WithinThreeMcse(n * (1 - fraction), row.Analysed.Mean, row.Analysed.MeanMcse, "mean analysed");
    }

    /// <summary>
    /// Everyone followed exactly tau months (follow-up limit tau, analysis tau after the last
    /// patient), continuous observation, exponential progression rate l, dropout rate m, death rate
    /// d: E[events] = n (l + d) / (l + m + d) (1 - exp(-(l + m + d) tau)).
    /// </summary>
    [Fact]
    public void Expected_events_under_dropout_and_death_match_the_competing_risks_formula()
    {
        const int n = 40;
        const double tau = 24, progression = 0.05, dropout = 0.02, death = 0.01;
        double total = progression + dropout + death;
        double expected = n * (progression + death) / total * (1 - Math.Exp(-total * tau));
        var scenario = SingleArm(n, new ExponentialModel(progression), analysisTime: new AfterLastPatient(tau), maxFollowUp: tau,
            dropout: new ExponentialModel(dropout), death: new ExponentialModel(death),
            analyses: new OneSampleLogRankSpec("olr", 0.05, 0.9, new ExponentialModel(progression + death)));
        var row = Assert.Single(SimulationRunner.Run(scenario, new RunOptions(Threads: 2)).Rows);
        WithinThreeMcse(expected, row.Events.Mean, row.Events.MeanMcse, "mean events");
        // The one-sample log-rank's estimand is the PFS hazard over the reference's: here exactly 1.
        Assert.Equal(1.0, row.TrueValue, 12);
    }

    /// <summary>An event-driven analysis happens at exactly the target number of events when it is reachable.</summary>
    [Fact]
    public void Event_driven_cut_happens_at_the_target_event()
    {
        var scenario = SingleArm(60, new ExponentialModel(0.1), analysisTime: new AtEventCount(25, null), replicates: 2000);
        var row = Assert.Single(SimulationRunner.Run(scenario, new RunOptions(Threads: 2)).Rows);
        Assert.Equal(25, row.Events.Mean);
        Assert.Equal(25, row.Events.P05);
        Assert.Equal(25, row.Events.P95);
    }

    /// <summary>
    /// Kaplan-Meier with no censoring before the landmark is the empirical proportion: its mean is
    /// S(36) (unbiased), within 3 MCSE.
    /// </summary>
    [Fact]
    public void Kaplan_Meier_landmark_estimate_is_unbiased_without_censoring()
    {
        var spec = new KaplanMeierLandmarkSpec("km", 0.05, 0.90, 36, 0.15);
        var row = Assert.Single(SimulationRunner.Run(SingleArm(31, Alternative35, analyses: spec), new RunOptions(Threads: 2)).Rows);
        Assert.Equal(0.35, row.TrueValue, 12);
        WithinThreeMcse(0.0, row.Bias, row.BiasMcse, "KM bias");
    }
}

public class ClosingShortTest
{
    /// <summary>An event-driven analysis that comes before enrolment is complete stops enrolment, but that is not closing short.</summary>
    [Fact]
    public void An_early_event_driven_analysis_is_not_closing_short()
    {
        // 200 patients at 2 a month (100 months of enrolment); 20 events come long before.
        var scenario = TestScenarios.SingleArm(200, new TrialSim.Distributions.ExponentialModel(0.1),
            analysisTime: new TrialSim.Conduct.AtEventCount(20, null), replicates: 500);
        var row = Assert.Single(SimulationRunner.Run(scenario, new RunOptions(Threads: 2)).Rows);
        Assert.True(row.Enrolled.Mean < 200);
        Assert.Equal(0, row.ClosedShortRate);
    }
}

using System.Globalization;
using TrialSim.Analyses;
using TrialSim.Conduct;
using TrialSim.Scenarios;

namespace TrialSim.SampleSize;

/// <summary>
/// The textbook answer beside a simulated sample size, where the analysis has one: exact binomial
/// patients (A'Hern) for a binomial landmark test, Wu's one-sample log-rank patients, and
/// Schoenfeld and Freedman events for log-rank and Cox. Each assumes what its formula assumes
/// (no dropout, uniform accrual, proportional hazards), which is exactly why the simulation is run.
/// </summary>
public static class AnalyticSampleSize
{
    /// <summary>One line per formula that applies; empty when none does.</summary>
    public static IReadOnlyList<string> Describe(Scenario scenario, int truth, AnalysisSpec analysis, double power)
    {
        var point = scenario.Points[truth];
        var culture = CultureInfo.InvariantCulture;
        var comparison = Comparison.Of(analysis, scenario);
        double trueValue = AnalysisTruth.TrueValue(analysis, comparison, point, scenario);
        var lines = new List<string>();
        try
        {
            switch (analysis)
            {
                case BinomialLandmarkSpec binomial:
                    var design = ExactBinomialSampleSize.Required(binomial.NullRate, trueValue, binomial.Alpha, power);
                    lines.Add(string.Create(culture,
                        $"exact binomial (A'Hern 2001): {design.SampleSize} patients evaluable at {binomial.Landmark:G} months (reject with {design.CriticalValue} or more progression-free; exact alpha {design.ExactAlpha:F4}, power {design.ExactPower:F4})"));
                    break;
                case OneSampleLogRankSpec logRank when scenario.AnalysisTime is AfterLastPatient after && point.Arms.Length == 1:
                    double accrualMonths = scenario.Accrual.Rate.InverseCumulative(scenario.Accrual.TargetSampleSize);
                    var size = OneSampleLogRankSampleSize.Required(logRank.Reference, point.Arms[0].Progression, accrualMonths, after.FollowUp, logRank.Alpha, power);
                    lines.Add(string.Create(culture,
                        $"one-sample log-rank (Wu 2015): {size.Patients.Ceiling} patients ({size.Patients.Value:F1}; {accrualMonths:F1} months' uniform accrual, {after.FollowUp:G} months' follow-up, no dropout), {size.ExpectedEvents:F1} expected events"));
                    break;
                case LogRankSpec or CoxSpec when double.IsFinite(trueValue) && trueValue != 1:
                    var twoArm = (TwoArmAnalysisSpec)analysis;
                    double experimental = scenario.Arms[comparison.Experimental].Ratio;
                    double allocation = experimental / (experimental + scenario.Arms[comparison.Control].Ratio);
                    var schoenfeld = SchoenfeldEvents.Required(trueValue, twoArm.Alpha, power, allocation);
                    var freedman = FreedmanEvents.Required(trueValue, twoArm.Alpha, power, allocation);
                    lines.Add(string.Create(culture,
                        $"fixed-sample events for hazard ratio {trueValue:G4} at one-sided alpha {twoArm.Alpha:G}{(scenario.Interim is null ? "" : " (no allowance for interim looks)")}: Schoenfeld {schoenfeld.Ceiling} ({schoenfeld.Value:F1}), Freedman {freedman.Ceiling} ({freedman.Value:F1})"));
                    break;
            }
        }
        catch (ArgumentException exception)
        {
            lines.Add($"no analytic answer: {ArgumentMessage.Plain(exception)}");
        }
        return lines;
    }
}

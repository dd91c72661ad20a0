using System.CommandLine;
using System.Globalization;
using TrialSim.Conduct;
using TrialSim.Decisions;
using TrialSim.Running;

namespace TrialSim.Cli;

/// <summary>
/// <c>trialsim design FILE</c>: prints the looks and stopping boundaries the scenario will use, at
/// the planned information, with the planned probabilities of stopping at each look under H0.
/// </summary>
internal static class DesignCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "Scenario YAML file" };
        var command = new Command("design", "Print the interim looks and boundaries a scenario will use") { file };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            if (!ScenarioInput.TryLoad(path, error, out var sweep, out _)) return TrialSimCommand.BadInput;
            var scenario = sweep.First;
            var plan = SimulationPlan.Compile(scenario);
            var culture = CultureInfo.InvariantCulture;
            output.WriteLine($"{scenario.Name}: final analysis {Describe(scenario.AnalysisTime)}");
            if (scenario.Interim is not { } interim)
            {
                output.WriteLine("no interim looks: every analysis is tested once, at its own level.");
                return 0;
            }
            var monitored = scenario.Analyses[plan.MonitorIndex];
            output.WriteLine($"monitored analysis: {monitored.Name} (one-sided alpha {monitored.Alpha.ToString(culture)})");
            switch (interim.Rule)
            {
                case SimonRule simon:
                    var d = simon.Design;
                    output.WriteLine(string.Create(culture, $"Simon two-stage: stage 1 n1 = {d.FirstStageSize}, stop if <= {d.FirstStageMaxResponses} progression-free; total n = {d.TotalSize}, reject H0 if > {d.MaxResponses}"));
                    if (monitored is Analyses.BinomialLandmarkSpec binomial)
                    {
                        double p0 = binomial.NullRate;
                        output.WriteLine(string.Create(culture,
                            $"under p0 = {p0}: exact alpha {d.RejectionProbability(p0):F5}, early stop {d.EarlyStopProbability(p0):F4}, expected n {d.ExpectedSampleSize(p0):F2}"));
                        output.WriteLine("(exact binomial values for the first n1 and n evaluable patients; dropout and scans change them: run the scenario)");
                    }
                    break;
                case BayesianMonitoringRule bayes:
                    output.WriteLine(string.Create(culture, $"Bayesian monitoring at {plan.InterimLooks.Length} interim look(s): stop for success when the posterior probability >= {bayes.EfficacyThreshold}")
                        + (bayes.HarmThreshold is double harm ? string.Create(culture, $", for harm when <= {harm}") : ""));
                    break;
                case GroupSequentialRule rule:
                    WriteGroupSequential(plan, interim, rule, monitored.Alpha, output);
                    break;
            }
            return 0;
        });
        return command;
    }

    private static void WriteGroupSequential(SimulationPlan plan, InterimDesign interim, GroupSequentialRule rule, double alpha, TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        double planned = interim.PlannedInformation ?? (plan.Scenario.AnalysisTime as AtEventCount)?.Events ?? double.NaN;
        var fractions = new List<double>();
        foreach (var look in plan.InterimLooks)
        {
            if (look is AtEventCount e) fractions.Add(e.Events / planned);
            else
            {
                output.WriteLine($"look {Describe(look)}: information not known before the trial; bounds are computed from the information each simulated trial observes.");
                return;
            }
        }
        fractions.Add(1);
        int looks = fractions.Count;
        var efficacy = new double[looks];
        var futility = new double[looks];
        var spending = fractions.ToArray();
        var futilityRule = rule.Futility is FixedZFutility or BetaSpendingFutility ? rule.Futility : null;
        if (rule.Efficacy is FixedEfficacyBoundary fixedBoundary) fixedBoundary.Z.CopyTo(efficacy);
        else GroupSequentialBoundaries.Compute(spending, spending, alpha, rule.Efficacy, futilityRule, efficacy, futility);
        if (rule.Futility is FixedZFutility fixedFutility)
            for (int k = 0; k < looks - 1; k++) futility[k] = k < fixedFutility.Z.Length ? fixedFutility.Z[k] : double.NegativeInfinity;
        if (futilityRule is null) Array.Fill(futility, double.NegativeInfinity);
        futility[looks - 1] = double.NegativeInfinity;
        var efficacyExit = new double[looks];
        var futilityExit = new double[looks];
        GroupSequentialBoundaries.CrossingProbabilities(spending, efficacy, futility, 0, efficacyExit, futilityExit);
        output.WriteLine($"efficacy: {rule.Efficacy}; futility: {(rule.Futility?.ToString() ?? "none")}");
        output.WriteLine($"planned information (events or evaluable patients) at the final look: {planned.ToString(culture)}");
        output.WriteLine(string.Create(culture, $"{"look",-6} {"info",8} {"fraction",9} {"efficacy z",11} {"nominal p",10} {"futility z",11} {"P0 stop eff.",13} {"P0 stop fut.",13}"));
        for (int k = 0; k < looks; k++)
        {
            double nominal = 1 - MathNet.Numerics.Distributions.Normal.CDF(0, 1, efficacy[k]);
            output.WriteLine(string.Create(culture,
                $"{(k == looks - 1 ? "final" : (k + 1).ToString(culture)),-6} {fractions[k] * planned,8:F1} {fractions[k],9:F4} {efficacy[k],11:F5} {nominal,10:F6} {(double.IsNegativeInfinity(futility[k]) ? "-" : futility[k].ToString("F5", culture)),11} {efficacyExit[k],13:F6} {futilityExit[k],13:F6}"));
        }
        output.WriteLine(string.Create(culture, $"total P0 rejection: {efficacyExit.Sum():F6} (alpha {alpha})"));
        output.WriteLine("Each simulated trial recomputes these bounds from the information it actually observes.");
    }

    private static string Describe(AnalysisTime time) => time switch
    {
        AfterLastPatient a => $"{a.FollowUp} months after the last patient",
        AtCalendarTime c => $"at month {c.Time}",
        AtEventCount e => $"at {e.Events} events",
        AtEnrolment n => $"when {n.Patients} patients are enrolled",
        AtEvaluable v => $"when {v.Patients} patients are evaluable at {v.Landmark} months",
        AtInformationFraction f => $"at information fraction {f.Fraction}",
        _ => time.ToString(),
    };
}

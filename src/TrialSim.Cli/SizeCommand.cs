using System.CommandLine;
using System.Globalization;
using TrialSim.Running;
using TrialSim.SampleSize;
using TrialSim.Scenarios;
using TrialSim.Sweeps;

namespace TrialSim.Cli;

/// <summary>
/// <c>trialsim size FILE --target-power 0.8 [--param NAME]</c>: the smallest value of a design
/// parameter whose simulated power reaches the target, searched with common random numbers and
/// enough replicates that Monte Carlo error does not decide it; beside it, the analytic answer
/// where one exists.
/// </summary>
internal static class SizeCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "Scenario YAML file (a sweep, or a scenario with --param FIELD --from --to)" };
        var target = new Option<double>("--target-power") { Description = "Power to reach, e.g. 0.8", Required = true };
        var param = new Option<string?>("--param") { Description = "A numeric sweep axis of the file, or with --from/--to a field such as accrual.target or analysis_time.events" };
        var from = new Option<double?>("--from") { Description = "Smallest value to try (with a field --param)" };
        var to = new Option<double?>("--to") { Description = "Largest value to try (with a field --param)" };
        var step = new Option<double?>("--step") { Description = "Step between values (with a field --param; default 1)" };
        var truth = new Option<string?>("--truth") { Description = "The truth power is computed under (default: H1 if there is one, else the last)" };
        var analysis = new Option<string?>("--analysis") { Description = "The analysis whose rejection rate is the power (default: the first)" };
        var replicates = new Option<int?>("--replicates", "-n") { Description = "Simulated trials per value to start with (default: the scenario's)" };
        var maxReplicates = new Option<int?>("--max-replicates") { Description = "Most trials per value when Monte Carlo error is close to deciding (default: 8 x --replicates)" };
        var seed = new Option<ulong?>("--seed") { Description = "Random seed (default: the scenario's)" };
        var threads = new Option<int>("--threads", "-t") { Description = "Worker threads; 0 = one per core", DefaultValueFactory = _ => 0 };
        var command = new Command("size", "Find the smallest sample size (or other parameter) reaching a target power")
        {
            file, target, param, from, to, step, truth, analysis, replicates, maxReplicates, seed, threads,
        };
        command.SetAction(parse => Execute(
            new SizeRequest(parse.GetValue(file)!, parse.GetValue(target), parse.GetValue(param), parse.GetValue(from), parse.GetValue(to),
                parse.GetValue(step), parse.GetValue(truth), parse.GetValue(analysis), parse.GetValue(replicates), parse.GetValue(maxReplicates),
                parse.GetValue(seed), parse.GetValue(threads)),
            output, error));
        return command;
    }

    private sealed record SizeRequest(
        string Path, double Target, string? Param, double? From, double? To, double? Step, string? Truth, string? Analysis,
        int? Replicates, int? MaxReplicates, ulong? Seed, int Threads);

    private static int Execute(SizeRequest request, TextWriter output, TextWriter error)
    {
        if ((OptionChecks.TargetPower(request.Target) ?? OptionChecks.Replicates(request.Replicates) ?? OptionChecks.Threads(request.Threads)) is string optionProblem)
            return TrialSimCommand.Refuse(error, optionProblem);
        bool range = request.From is not null || request.To is not null || request.Step is not null;
        if (range && (request.From is null || request.To is null))
            return TrialSimCommand.Refuse(error, "--from and --to go together: give both, with a field as --param (e.g. --param accrual.target --from 20 --to 60)");

        Sweep sweep;
        try
        {
            string text = ScenarioLoader.ReadFile(request.Path);
            sweep = range
                ? SweepLoader.ParseWithRange(text, request.Path, request.Param ?? "accrual.target", request.From!.Value, request.To!.Value, request.Step ?? 1)
                : SweepLoader.Parse(text, request.Path);
        }
        catch (ScenarioException exception) { return TrialSimCommand.Refuse(error, exception.Message); }

        if (!TryAxis(sweep, range ? null : request.Param, out int axisIndex, out string? problem)) return TrialSimCommand.Refuse(error, problem!);
        var axis = sweep.Axes[axisIndex];
        var scenario = sweep.First;
        string truthName = request.Truth ?? (scenario.Points.Any(p => p.Name == "H1") ? "H1" : scenario.Points[^1].Name);
        int truth = scenario.Points.Select((p, i) => (p, i)).FirstOrDefault(x => x.p.Name == truthName, (null!, -1)).Item2;
        if (truth < 0) return TrialSimCommand.Refuse(error, $"--truth: no truth named '{truthName}' (truths: {string.Join(", ", scenario.Points.Select(p => p.Name))})");
        string analysisName = request.Analysis ?? scenario.Analyses[0].Name;
        int analysis = scenario.Analyses.Select((a, i) => (a, i)).FirstOrDefault(x => x.a.Name == analysisName, (null!, -1)).Item2;
        if (analysis < 0) return TrialSimCommand.Refuse(error, $"--analysis: no analysis named '{analysisName}' (analyses: {string.Join(", ", scenario.Analyses.Select(a => a.Name))})");
        int replicates = request.Replicates ?? scenario.Replicates;
        int maxReplicates = request.MaxReplicates ?? 8 * replicates;
        if (maxReplicates < replicates) return TrialSimCommand.Refuse(error, $"--max-replicates ({maxReplicates}) must be at least --replicates ({replicates})");
        ulong seed = request.Seed ?? scenario.Seed;

        var culture = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(culture,
            $"{scenario.Name}: smallest {axis.Name} ({axis.Field}) with power >= {request.Target:0.###} for '{analysisName}' under {truthName}; seed {seed}"));
        foreach (var group in Groups(sweep, axisIndex))
        {
            var values = group.Select(p => p.Values[axisIndex].Number!.Value).ToList();
            var result = PowerSearch.Smallest(values, request.Target, replicates, maxReplicates, (i, n) =>
            {
                // Only the truth the power is computed under is simulated.
                var point = group[i].Scenario;
                var run = SimulationRunner.Run(point with { Points = [point.Points[truth]] }, new RunOptions(n, seed, request.Threads));
                var row = run.Rows.Single(r => r.AnalysisName == analysisName);
                return new PowerEstimate(values[i], row.RejectionRate, row.RejectionRateMcse, n);
            });
            string others = string.Join(", ", sweep.Axes.Select((a, i) => (a, i)).Where(x => x.i != axisIndex).Select(x => $"{x.a.Name}={group[0].Values[x.i].Label}"));
            Report(output, axis.Name, others, request.Target, result);
            var analyticAt = result.Found is { } found ? group[values.IndexOf(found.Value)].Scenario : group[0].Scenario;
            foreach (string line in AnalyticSampleSize.Describe(analyticAt, truth, analyticAt.Analyses[analysis], request.Target))
                output.WriteLine($"  analytic: {line}");
        }
        return 0;
    }

    private static void Report(TextWriter output, string name, string others, double target, PowerSearchResult result)
    {
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine();
        if (others.Length > 0) output.WriteLine($"[{others}]");
        if (result.Found is not { } found)
        {
            output.WriteLine(string.Create(culture,
                $"  no value in range reaches power {target:0.###}: the highest is {result.Best.Power:F4} (MCSE {result.Best.Mcse:F4}) at {name} = {result.Best.Value:G}"));
            return;
        }
        output.WriteLine(string.Create(culture, $"  {name} = {found.Value:G}: power {found.Power:F4} (MCSE {found.Mcse:F4}) from {found.Replicates:N0} trials"));
        if (result.Below is { } below)
            output.WriteLine(string.Create(culture, $"  {name} = {below.Value:G}: power {below.Power:F4} (MCSE {below.Mcse:F4}), one step below"));
        else output.WriteLine("  (the smallest value tried already reaches the target: try a wider range)");
        output.WriteLine(result.Resolved
            ? string.Create(culture, $"  Monte Carlo error does not decide it: both powers are at least {PowerSearch.DecisiveZ} MCSE from {target:0.###}")
            : string.Create(culture, $"  within Monte Carlo error of the target even at {found.Replicates:N0} trials: raise --max-replicates to separate them"));
        if (result.NonMonotone)
            output.WriteLine("  note: power is not monotone here (a larger value falls below the target again), as with exact binomial tests");
    }

    /// <summary>The axis to search: the one named, or the only numeric one.</summary>
    private static bool TryAxis(Sweep sweep, string? name, out int axis, out string? problem)
    {
        axis = -1;
        problem = null;
        string list = string.Join(", ", sweep.Axes.Select(a => a.Name));
        if (!sweep.HasAxes)
        {
            problem = "the scenario has no sweep: give the parameter as --param FIELD --from A --to B [--step S] (e.g. --param accrual.target --from 20 --to 60)";
            return false;
        }
        if (name is null)
        {
            var numeric = sweep.Axes.Select((a, i) => (a, i)).Where(x => x.a.IsNumeric).ToList();
            if (numeric.Count != 1)
            {
                problem = $"--param: name the axis to search (axes: {list})";
                return false;
            }
            axis = numeric[0].i;
        }
        else if ((axis = sweep.AxisIndex(name)) < 0)
        {
            problem = $"--param: the sweep has no axis '{name}' (axes: {list}); to search a field instead, use a scenario without a sweep and --from/--to";
            return false;
        }
        if (!sweep.Axes[axis].IsNumeric)
        {
            problem = $"--param: axis '{sweep.Axes[axis].Name}' is not numeric (values: {string.Join(", ", sweep.Axes[axis].Values.Select(v => v.Label))})";
            return false;
        }
        if (sweep.Axes[axis].Zipped)
        {
            problem = $"--param: axis '{sweep.Axes[axis].Name}' is zipped with others; search a grid axis";
            return false;
        }
        return true;
    }

    /// <summary>The points grouped by the values of every other axis, each group in increasing order of the searched axis.</summary>
    private static List<List<SweepPoint>> Groups(Sweep sweep, int axis) =>
        sweep.Points
            .GroupBy(p => string.Join("\u0001", p.Values.Select((v, i) => i == axis ? "" : v.Label)))
            .Select(g => g.OrderBy(p => p.Values[axis].Number!.Value).ToList())
            .ToList();

}

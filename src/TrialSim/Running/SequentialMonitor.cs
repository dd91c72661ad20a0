using System.Collections.Concurrent;
using MathNet.Numerics.Distributions;
using TrialSim.Analyses;
using TrialSim.Decisions;

namespace TrialSim.Running;

/// <summary>
/// Applies a scenario's stopping rule to the monitored analysis at one look. Group-sequential
/// bounds come from the information observed so far in this trial: the spending function is
/// evaluated at observed / planned information (1 at the final look, which spends what is left),
/// and the correlations from the observed information itself, so over- or under-running looks keep
/// alpha.
/// </summary>
public sealed class SequentialMonitor
{
    private readonly InterimDesign _design;
    private readonly double _alpha;
    private readonly double _plannedInformation;
    private readonly bool _informationIsEvents;
    private readonly ConcurrentDictionary<BoundaryKey, (double Efficacy, double Futility)> _bounds = new();

    private readonly BayesianRateSpec? _bayesian;
    private readonly PosteriorProbabilityCache? _posteriors;
    private readonly int _plannedExperimental, _plannedControl;
    private readonly ConcurrentDictionary<(int, int, int, int, int, int), double> _predictive = new();

    /// <param name="plannedPerArm">Patients planned per arm of the monitored comparison (experimental, control), for predictive probabilities.</param>
    public SequentialMonitor(InterimDesign design, AnalysisSpec monitored, double plannedInformation,
        PosteriorProbabilityCache? posteriors = null, (int Experimental, int Control) plannedPerArm = default)
    {
        _design = design;
        _alpha = monitored.Alpha;
        _plannedInformation = plannedInformation;
        _informationIsEvents = MeasuresEvents(monitored);
        _bayesian = monitored as BayesianRateSpec;
        _posteriors = posteriors;
        (_plannedExperimental, _plannedControl) = plannedPerArm;
    }

    /// <summary>Information of a monitored result: events for hazard-based tests, else patients analysed (evaluable).</summary>
    public double InformationOf(in AnalysisResult result) => _informationIsEvents ? result.Events : result.Analysed;

    /// <summary>Whether the monitored analysis measures information in events (else in patients).</summary>
    public static bool MeasuresEvents(AnalysisSpec monitored) => monitored is LogRankSpec or CoxSpec or OneSampleLogRankSpec;

    /// <summary>z statistic of a one-sided p-value, larger = benefit.</summary>
    public static double ZOf(in AnalysisResult result)
    {
        if (double.IsNaN(result.PValue) || double.IsNaN(result.Estimate)) return double.NaN;
        double p = Math.Clamp(result.PValue, 1e-300, 1 - 1e-16);
        return -Normal.InvCDF(0, 1, p);
    }

    /// <summary>Decides look <paramref name="look"/> and fills its record. <paramref name="information"/> holds the
    /// information of looks 0..look-1 and receives this look's.</summary>
    /// <param name="observed">The look's data, with the monitored comparison's group codes filled in (for predictive probabilities).</param>
    public LookDecision Decide(int look, bool isFinal, in AnalysisResult monitored, Span<double> information, ref LookRecord record, Conduct.ObservedData? observed = null)
    {
        double info = InformationOf(monitored);
        information[look] = info;
        record.Information = info;
        switch (_design.Rule)
        {
            case GroupSequentialRule rule:
            {
                double z = ZOf(monitored);
                record.Z = z;
                var (efficacy, futility) = Bounds(rule, look, isFinal, information);
                record.EfficacyBound = efficacy;
                record.FutilityBound = futility;
                if (z >= efficacy) return LookDecision.Efficacy;
                if (!isFinal && z <= futility) return LookDecision.Futility;
                return isFinal ? LookDecision.NoRejection : LookDecision.Continue;
            }
            case SimonRule simon:
            {
                // Successes among the evaluable patients (evaluable minus failures by the landmark).
                int successes = monitored.Analysed - monitored.Events;
                record.Z = successes;
                record.EfficacyBound = simon.Design.MaxResponses + 1;
                record.FutilityBound = isFinal ? double.NaN : simon.Design.FirstStageMaxResponses;
                if (!isFinal) return successes <= simon.Design.FirstStageMaxResponses ? LookDecision.Futility : LookDecision.Continue;
                return successes > simon.Design.MaxResponses ? LookDecision.Efficacy : LookDecision.NoRejection;
            }
            case BayesianMonitoringRule bayes:
            {
                // The Bayesian analysis reports 1 - posterior probability as its p-value.
                double posterior = double.IsNaN(monitored.Estimate) ? double.NaN : 1 - monitored.PValue;
                record.Z = posterior;
                record.EfficacyBound = isFinal ? double.NaN : bayes.EfficacyThreshold;
                record.FutilityBound = isFinal ? double.NaN : bayes.HarmThreshold ?? double.NaN;
                if (isFinal) return monitored.Reject ? LookDecision.Efficacy : LookDecision.NoRejection;
                if (posterior >= bayes.EfficacyThreshold) return LookDecision.Efficacy;
                if (bayes.HarmThreshold is double harm && posterior <= harm) return LookDecision.Futility;
                if (bayes.MinPredictiveProbability is double minimum && observed is not null && PredictiveProbabilityOfSuccess(observed) < minimum)
                    return LookDecision.Futility;
                return LookDecision.Continue;
            }
            default:
                throw new NotSupportedException(_design.Rule.GetType().Name);
        }
    }

    /// <summary>
    /// Predictive probability that the final analysis (the planned patients per arm evaluable) meets
    /// the Bayesian rule, given the counts now (Lee &amp; Liu 2008). Memoised by the counts now and the
    /// patients still to come; final posterior probabilities come from the analysis's own memo.
    /// </summary>
    private double PredictiveProbabilityOfSuccess(Conduct.ObservedData observed)
    {
        var spec = _bayesian!;
        var group = observed.Group.AsSpan(0, observed.Count);
        var experimental = LandmarkStatusCount.Tally(observed.Time, observed.IsEvent, group, 1, spec.Landmark);
        var control = LandmarkStatusCount.Tally(observed.Time, observed.IsEvent, group, 0, spec.Landmark);
        int remainingExperimental = Math.Max(0, _plannedExperimental - experimental.Evaluable);
        int remainingControl = Math.Max(0, _plannedControl - control.Evaluable);
        var key = (experimental.Successes, experimental.Evaluable, control.Successes, control.Evaluable, remainingExperimental, remainingControl);
        if (_predictive.TryGetValue(key, out double probability)) return probability;
        var experimentalNow = BetaBinomialPosterior.FromPrior(spec.ExperimentalPriorA, spec.ExperimentalPriorB, experimental.Successes, experimental.Evaluable);
        var controlNow = BetaBinomialPosterior.FromPrior(spec.ControlPriorA, spec.ControlPriorB, control.Successes, control.Evaluable);
        int finalExperimental = experimental.Evaluable + remainingExperimental, finalControl = control.Evaluable + remainingControl;
        probability = PredictiveProbability.TwoArm(experimentalNow, controlNow, remainingExperimental, remainingControl, spec.Threshold, (yE, yC) =>
            BayesianRateTest.PosteriorProbability(spec, experimental.Successes + yE, finalExperimental, control.Successes + yC, finalControl, _posteriors));
        _predictive.TryAdd(key, probability);
        return probability;
    }

    private (double Efficacy, double Futility) Bounds(GroupSequentialRule rule, int look, bool isFinal, ReadOnlySpan<double> information)
    {
        var key = BoundaryKey.From(look, isFinal, information);
        if (_bounds.TryGetValue(key, out var bounds)) return bounds;
        bounds = ComputeBounds(rule, look, isFinal, information);
        _bounds.TryAdd(key, bounds);
        return bounds;
    }

    /// <remarks>
    /// At an interim look the computation runs over the looks so far plus the final look at its
    /// planned information (spending 1): bounds at look k do not depend on later looks, except that
    /// the boundary routine closes beta-spending futility onto the efficacy bound at its last look,
    /// which must be the real final look, not this one. At the final look it runs over the looks
    /// actually made, with the final spending all that is left.
    /// </remarks>
    private (double Efficacy, double Futility) ComputeBounds(GroupSequentialRule rule, int look, bool isFinal, ReadOnlySpan<double> information)
    {
        if (rule.Efficacy is FixedEfficacyBoundary fixedBoundary)
        {
            double fixedEfficacy = fixedBoundary.Z[Math.Min(look, fixedBoundary.Z.Length - 1)];
            return (fixedEfficacy, FutilityBound(rule, look, isFinal, information, ReadOnlySpan<double>.Empty, fixedEfficacy, fixedBoundary.Z[^1]));
        }
        int looks = isFinal ? look + 1 : look + 2;
        Span<double> spending = stackalloc double[looks];
        Span<double> relative = stackalloc double[looks];
        Span<double> efficacy = stackalloc double[looks];
        Span<double> futility = stackalloc double[looks];
        double reference = isFinal ? Math.Max(information[look], 1e-12) : _plannedInformation;
        double previousSpending = 0, previousRelative = 0;
        for (int k = 0; k <= look; k++)
        {
            // Spending time: observed over planned, strictly increasing and below 1 until the final look.
            double t = isFinal && k == look ? 1.0 : Math.Min(information[k] / _plannedInformation, 1 - 1e-6);
            t = Math.Max(t, previousSpending + 1e-9);
            spending[k] = t;
            previousSpending = t;
            double r = isFinal && k == look ? 1.0 : Math.Min(Math.Max(information[k], 1e-12) / reference, 1 - 1e-6);
            r = Math.Max(r, previousRelative + 1e-9);
            relative[k] = r;
            previousRelative = r;
        }
        if (!isFinal)
        {
            spending[looks - 1] = 1;
            relative[looks - 1] = 1;
        }
        var futilityRule = rule.Futility is FixedZFutility or BetaSpendingFutility ? rule.Futility : null;
        if (futilityRule is FixedZFutility fixedFutility && fixedFutility.Z.Length != looks - 1)
            futilityRule = FitFixedFutility(fixedFutility, looks);
        GroupSequentialBoundaries.Compute(spending, relative, _alpha, rule.Efficacy, futilityRule, efficacy, futility);
        // At an interim look the last entry is the final bound if the rest of the information arrives as planned.
        return (efficacy[look], FutilityBound(rule, look, isFinal, information, futility, efficacy[look], efficacy[looks - 1]));
    }

    /// <summary>Fixed futility z values for the looks in this computation (the design's interim values, trimmed or padded with no bound).</summary>
    private static FixedZFutility FitFixedFutility(FixedZFutility rule, int looks)
    {
        var z = new double[looks - 1];
        for (int k = 0; k < z.Length; k++) z[k] = k < rule.Z.Length ? rule.Z[k] : double.NegativeInfinity;
        return rule with { Z = [.. z] };
    }

    private double FutilityBound(GroupSequentialRule rule, int look, bool isFinal, ReadOnlySpan<double> information, ReadOnlySpan<double> futility,
        double efficacyHere, double plannedFinalBound)
    {
        if (isFinal || rule.Futility is null) return double.NegativeInfinity;
        switch (rule.Futility)
        {
            case FixedZFutility f:
                return look < f.Z.Length ? f.Z[look] : double.NegativeInfinity;
            case BetaSpendingFutility:
                return look < futility.Length ? futility[look] : double.NegativeInfinity;
            case HazardRatioFutility hr:
                // Log-rank information for 1:1 allocation is about events / 4.
                return HazardRatioFutility.HazardRatioToZ(hr.MaxHazardRatio, information[look] / 4);
            case ConditionalPowerFutility cp:
                // Conditional power under the current trend, against the final bound the design has
                // if the remaining information arrives as planned.
                return ConditionalPowerFutility.ZBound(cp.MinConditionalPower, Math.Min(information[look] / _plannedInformation, 1 - 1e-6), plannedFinalBound);
            default:
                throw new NotSupportedException(rule.Futility.GetType().Name);
        }
    }
}

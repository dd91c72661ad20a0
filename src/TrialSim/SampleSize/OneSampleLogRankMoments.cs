using MathNet.Numerics;
using TrialSim.Distributions;

namespace TrialSim.SampleSize;

/// <summary>
/// Per-patient moments of the one-sample log-rank statistic under the alternative, with uniform accrual and
/// administrative censoring (Wu 2015): X = min(T, C), T from the alternative, C the follow-up time, uniform on
/// [followUp, accrual + followUp]; N = 1 when the event is observed; Lambda0 the reference cumulative hazard.
/// </summary>
/// <param name="ReferenceEvents">p0 = E[Lambda0(X)] = int G S1 dLambda0, the expected events per patient the
/// reference predicts (E / n).</param>
/// <param name="Events">p1 = E[N] = int G S1 dLambda1, the probability a patient's event is observed (O / n).</param>
/// <param name="ReferenceSquare">p00 = E[Lambda0(X)^2] / 2 = int G S1 Lambda0 dLambda0.</param>
/// <param name="Cross">p01 = E[N Lambda0(X)] = int G S1 Lambda0 dLambda1.</param>
/// <remarks>
/// G is the follow-up survival: 1 up to followUp, then (accrual + followUp - t) / accrual, 0 beyond. The
/// integrals are taken against the cumulative hazards themselves, u = Lambda0(t) for p0 and p00 and
/// v = Lambda1(t) for p1 and p01 (t recovered by the models' inverse survival), so the integrands are
/// bounded and continuous even where a hazard is infinite (a Weibull shape below 1 at 0) or jumps
/// (piecewise exponential); each is split where G changes form and integrated by adaptive Gauss-Kronrod.
/// </remarks>
internal readonly record struct OneSampleLogRankMoments(double ReferenceEvents, double Events, double ReferenceSquare, double Cross)
{
    private const double RelativeTolerance = 1e-12;

    /// <summary>omega = p1 - p0, the mean of (O - E) / n: negative when the alternative has fewer events than
    /// the reference predicts.</summary>
    public double Drift => Events - ReferenceEvents;

    /// <summary>sigma^2 = Var(N - Lambda0(X)) = p1 - p1^2 + 2 p00 - p0^2 - 2 p01 + 2 p0 p1, the variance of
    /// (O - E) / sqrt(n).</summary>
    public double Variance =>
        Events - Events * Events + 2 * ReferenceSquare - ReferenceEvents * ReferenceEvents - 2 * Cross + 2 * ReferenceEvents * Events;

    public static OneSampleLogRankMoments Compute(EventTimeModel reference, EventTimeModel alternative, double accrualDuration, double followUp)
    {
        double end = accrualDuration + followUp;
        double FollowedBeyond(double time) =>
            time <= followUp ? 1.0 : time >= end ? 0.0 : (end - time) / accrualDuration;

        // Over u = Lambda0(t): t = T0(u).
        double ReferenceTime(double u) => reference.InverseSurvival(Math.Exp(-u));
        double referenceAtFollowUp = RequireFinite(reference.CumulativeHazard(followUp), "reference");
        double referenceAtEnd = RequireFinite(reference.CumulativeHazard(end), "reference");
        double AtRisk(double u)
        {
            double time = ReferenceTime(u);
            return FollowedBeyond(time) * alternative.Survival(time);
        }
        double referenceEvents = Integral(AtRisk, referenceAtFollowUp, referenceAtEnd);
        double referenceSquare = Integral(u => AtRisk(u) * u, referenceAtFollowUp, referenceAtEnd);

        // Over v = Lambda1(t): t = T1(v), S1(t) = exp(-v).
        double AlternativeTime(double v) => alternative.InverseSurvival(Math.Exp(-v));
        double alternativeAtFollowUp = RequireFinite(alternative.CumulativeHazard(followUp), "alternative");
        double alternativeAtEnd = RequireFinite(alternative.CumulativeHazard(end), "alternative");
        double Observed(double v) => FollowedBeyond(AlternativeTime(v)) * Math.Exp(-v);
        double events = Integral(Observed, alternativeAtFollowUp, alternativeAtEnd);
        double cross = Integral(v => Observed(v) * reference.CumulativeHazard(AlternativeTime(v)), alternativeAtFollowUp, alternativeAtEnd);

        return new OneSampleLogRankMoments(referenceEvents, events, referenceSquare, cross);

        // int_0^end, split at followUp where G leaves 1 (nothing beyond it when accrual is 0).
        double Integral(Func<double, double> integrand, double atFollowUp, double atEnd) =>
            Segment(integrand, 0.0, atFollowUp) + (accrualDuration > 0 ? Segment(integrand, atFollowUp, atEnd) : 0.0);
    }

    private static double Segment(Func<double, double> integrand, double from, double to) =>
        to > from ? Integrate.GaussKronrod(integrand, from, to, RelativeTolerance, maximumDepth: 20, order: 21) : 0.0;

    private static double RequireFinite(double cumulativeHazard, string name)
    {
        if (!double.IsFinite(cumulativeHazard))
            throw new ArgumentException($"the {name} model leaves no survival by the end of follow-up (cumulative hazard {cumulativeHazard}); shorten the accrual or follow-up", name);
        return cumulativeHazard;
    }
}

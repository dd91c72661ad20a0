namespace TrialSim.Analyses;

/// <summary>
/// The restricted mean survival time up to a horizon tau: the area under the Kaplan-Meier curve on
/// [0, tau], in months, with its variance.
/// </summary>
/// <param name="Mean">RMST(tau) = integral of S(u) over [0, tau] (months).</param>
/// <param name="Variance">Its variance (months squared), sum over event times t_j &lt;= tau of
/// A_j^2 d_j / (n_j (n_j - d_j)), A_j = integral of S(u) over [t_j, tau].</param>
/// <param name="Patients">Patients in the curve.</param>
/// <param name="Events">Events at or before tau.</param>
/// <param name="IsExtrapolated">True when tau lies beyond the largest observed time while the curve is
/// still above 0 (or there are no patients): the area then rests on carrying the last value forward, and
/// survRM2 refuses such a tau. When the curve has reached 0 the area is complete and this is false.</param>
/// <remarks>
/// Royston P., Parmar M.K.B. (2013) "Restricted mean survival time: an alternative to the hazard ratio
/// for the design and analysis of randomized trials with a time-to-event outcome", BMC Med Res Methodol
/// 13:152; the variance is Klein J.P., Moeschberger M.L. (2003) <i>Survival Analysis</i>, 2nd ed., section
/// 4.5, the formula of R's survRM2::rmst2 and of survival's print(survfit(...), rmean = tau), without the
/// n / (n - 1) factor some texts add. A term with n_j = d_j (the curve dropping to 0) is left out, as R
/// does: its A_j is 0. Ties as <see cref="KaplanMeier"/>: censored at t are at risk at t.
/// </remarks>
public readonly record struct RestrictedMean(double Mean, double Variance, int Patients, int Events, bool IsExtrapolated)
{
    /// <summary>Standard error sqrt(Variance), months.</summary>
    public double StandardError => Math.Sqrt(Variance);

    /// <summary>The restricted mean up to <paramref name="horizon"/> (months) of all patients, data sorted
    /// by observed time (months) ascending.</summary>
    public static RestrictedMean Estimate(ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent, double horizon)
    {
        SpecChecks.RequireSameLength(sortedTime.Length, isEvent.Length);
        SpecChecks.RequireNonNegativeFinite(horizon, nameof(horizon));
        return EstimateCore(sortedTime, isEvent, ReadOnlySpan<byte>.Empty, 0, horizon);
    }

    /// <summary>The restricted mean up to <paramref name="horizon"/> (months) of the patients coded
    /// <paramref name="which"/> in <paramref name="group"/>, everyone else ignored.</summary>
    public static RestrictedMean Estimate(ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent, ReadOnlySpan<byte> group, byte which, double horizon)
    {
        SpecChecks.RequireSameLength(sortedTime.Length, isEvent.Length);
        SpecChecks.RequireGroupLength(sortedTime.Length, group.Length);
        SpecChecks.RequireNonNegativeFinite(horizon, nameof(horizon));
        return EstimateCore(sortedTime, isEvent, group, which, horizon);
    }

    private static RestrictedMean EstimateCore(ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent, ReadOnlySpan<byte> group, byte which, double horizon)
    {
        int members = KaplanMeier.CountMembers(group, which, sortedTime.Length);
        // Two passes: the first finds the area, the second sums (area - area up to t_j)^2 terms directly,
        // rather than expanding the square and losing digits to cancellation.
        double mean = Walk(sortedTime, isEvent, group, which, members, horizon, double.NaN, out _, out int events, out bool isExtrapolated);
        Walk(sortedTime, isEvent, group, which, members, horizon, mean, out double variance, out _, out _);
        return new RestrictedMean(mean, variance, members, events, isExtrapolated);
    }

    /// <summary>One walk along the curve to the horizon: returns the area; when <paramref name="mean"/> is a
    /// number, also the variance sum with A_j = mean - (area up to t_j).</summary>
    private static double Walk(ReadOnlySpan<double> sortedTime, ReadOnlySpan<bool> isEvent, ReadOnlySpan<byte> group, byte which, int members,
        double horizon, double mean, out double variance, out int events, out bool isExtrapolated)
    {
        int n = sortedTime.Length;
        double survival = 1.0, area = 0.0, previousTime = 0.0;
        variance = 0.0;
        events = 0;
        int seen = 0, observedBeforeHorizon = 0, start = 0;
        while (start < n && sortedTime[start] <= horizon)
        {
            double time = sortedTime[start];
            int atRisk = members - seen;
            int end = KaplanMeier.GroupEnd(sortedTime, isEvent, group, which, start, reverse: false, out int tied, out int deaths);
            if (deaths > 0)
            {
                area += survival * (time - previousTime);
                previousTime = time;
                if (deaths < atRisk && !double.IsNaN(mean))
                {
                    double remaining = mean - area;
                    variance += remaining * remaining * deaths / ((double)atRisk * (atRisk - deaths));
                }
                survival *= 1.0 - (double)deaths / atRisk;
                events += deaths;
            }
            seen += tied;
            if (time < horizon) observedBeforeHorizon = seen;
            start = end;
        }
        area += survival * (horizon - previousTime);
        isExtrapolated = observedBeforeHorizon == members && survival > 0;
        return area;
    }
}

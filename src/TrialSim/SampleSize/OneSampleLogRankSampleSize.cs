using MathNet.Numerics.Distributions;
using TrialSim.Distributions;

namespace TrialSim.SampleSize;

/// <summary>
/// Patients a one-sample log-rank test (<see cref="Analyses.OneSampleLogRankTest"/>) needs, and its power at a
/// given number of patients, with uniform accrual and a fixed follow-up after the last patient.
/// </summary>
/// <remarks>
/// Wu J. (2015) "Sample size calculation for the one-sample log-rank test", Pharmaceutical Statistics
/// 14:26-33. The test compares O, the observed events, with E, the sum of the reference cumulative hazard
/// Lambda0 over every patient's follow-up, and rejects for benefit when (E - O) / sqrt(E) &gt; z_{1 - alpha}.
/// Under the alternative, with n patients, O - E is about N(n omega, n sigma^2) and E about n p0, so the power
/// is
/// <code>Phi((sqrt(n) |omega| - sqrt(p0) z_{1 - alpha}) / sigma)</code>
/// and the sample size
/// <code>n = (sqrt(p0) z_{1 - alpha} + sigma z_{power})^2 / omega^2,</code>
/// where omega = p1 - p0 and sigma^2 = p1 - p1^2 + 2 p00 - p0^2 - 2 p01 + 2 p0 p1 come from
/// <see cref="OneSampleLogRankMoments"/>: Wu's exact variance under the alternative, where the earlier formulas
/// (Finkelstein et al. 2003, Kwak and Jung 2014) approximate it and, in Wu's simulations, ask for too few patients.
/// Wu states the moments under proportional hazards, S1 = S0^delta; they are computed here for any pair of
/// models. Patients enter uniformly over the accrual duration and are analysed at accrual + follow-up, so
/// follow-up runs from followUp (the last patient) to accrual + followUp (the first), with no other censoring.
/// Wu's worked example (Weibull reference, shape 1.22, median 9 years; hazard ratio 1 / 1.75; accrual 5
/// years, follow-up 3; one-sided alpha 0.05) asks for 88, 100 and 117 patients at power 0.8, 0.85 and 0.9.
/// </remarks>
public static class OneSampleLogRankSampleSize
{
    /// <summary>Patients needed for the given power.</summary>
    /// <param name="reference">The reference (null) survival curve the test compares against; times in months.</param>
    /// <param name="alternative">The arm's survival under the alternative: fewer events than the reference predicts.</param>
    /// <param name="accrualDuration">Months over which patients enter, uniformly; 0 when all enter at once.</param>
    /// <param name="followUp">Months from the last entry to the analysis; accrual + follow-up must be positive.</param>
    /// <param name="alpha">One-sided significance level, in (0, 1).</param>
    /// <param name="power">Power wanted under the alternative, in (0, 1).</param>
    /// <exception cref="ArgumentException">The alternative is not better than the reference over the follow-up.</exception>
    public static OneSampleLogRankSize Required(EventTimeModel reference, EventTimeModel alternative, double accrualDuration, double followUp,
        double alpha, double power)
    {
        SizingChecks.RequireErrorRates(alpha, power, sided: 1);
        var moments = Moments(reference, alternative, accrualDuration, followUp);
        double nullTerm = Math.Sqrt(moments.ReferenceEvents) * SizingChecks.NormalQuantile(1.0 - alpha);
        double alternativeTerm = Math.Sqrt(moments.Variance) * SizingChecks.NormalQuantile(power);
        // Phi(-nullTerm / sigma) is the power this approximation gives with no patients; below it n would be negative.
        if (!(nullTerm + alternativeTerm > 0))
        {
            double floor = Normal.CDF(0.0, 1.0, -nullTerm / Math.Sqrt(moments.Variance));
            throw new ArgumentOutOfRangeException(nameof(power), power, $"power must exceed {floor}, what the approximation gives with no patients");
        }
        double root = (nullTerm + alternativeTerm) / moments.Drift;
        var patients = new RequiredCount(root * root);
        return new OneSampleLogRankSize(patients, moments.Events, patients.Ceiling * moments.Events);
    }

    /// <summary>Power of the one-sided test with the given number of patients.</summary>
    /// <param name="patients">Patients enrolled, positive (need not be whole).</param>
    /// <inheritdoc cref="Required" path="/param[@name='reference' or @name='alternative' or @name='accrualDuration' or @name='followUp' or @name='alpha']"/>
    /// <exception cref="ArgumentException">The alternative is not better than the reference over the follow-up.</exception>
    public static double Power(double patients, EventTimeModel reference, EventTimeModel alternative, double accrualDuration, double followUp, double alpha)
    {
        SizingChecks.RequirePositiveFinite(patients, nameof(patients));
        SizingChecks.RequireAlpha(alpha, sided: 1);
        var moments = Moments(reference, alternative, accrualDuration, followUp);
        double z = SizingChecks.NormalQuantile(1.0 - alpha);
        return Normal.CDF(0.0, 1.0, (Math.Sqrt(patients) * -moments.Drift - Math.Sqrt(moments.ReferenceEvents) * z) / Math.Sqrt(moments.Variance));
    }

    private static OneSampleLogRankMoments Moments(EventTimeModel reference, EventTimeModel alternative, double accrualDuration, double followUp)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(alternative);
        if (!(accrualDuration >= 0) || double.IsPositiveInfinity(accrualDuration))
            throw new ArgumentOutOfRangeException(nameof(accrualDuration), accrualDuration, "accrualDuration must be a non-negative finite number of months");
        if (!(followUp >= 0) || double.IsPositiveInfinity(followUp))
            throw new ArgumentOutOfRangeException(nameof(followUp), followUp, "followUp must be a non-negative finite number of months");
        if (!(accrualDuration + followUp > 0))
            throw new ArgumentOutOfRangeException(nameof(followUp), followUp, "accrualDuration + followUp must be positive: nobody would be followed");

        var moments = OneSampleLogRankMoments.Compute(reference, alternative, accrualDuration, followUp);
        // The test looks for fewer events than the reference predicts (omega < 0); otherwise no n gives power.
        if (!(moments.Drift < 0))
            throw new ArgumentException(
                $"the alternative must have fewer events than the reference predicts over the follow-up (observed {moments.Events:G6} against expected {moments.ReferenceEvents:G6} per patient)",
                nameof(alternative));
        return moments;
    }
}

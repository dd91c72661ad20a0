using TrialSim.Distributions;
using TrialSim.SampleSize;

namespace TrialSim.Tests.SampleSize;

public class OneSampleLogRankSampleSizeTest
{
    // Wu J. (2015) Pharmaceutical Statistics 14:26-33, the worked example: reference Weibull with shape 1.22 and
    // median 9 (years), S0(t) = exp(-log 2 (t / 9)^1.22); proportional hazards with delta = 1 / 1.75, so the
    // alternative is the Weibull with the same shape and scale multiplied by delta^(-1 / 1.22); accrual 5, follow-up 3,
    // one-sided alpha 0.05. Published: 88, 100 and 117 patients at power 0.8, 0.85, 0.9. The real values are from
    // R: Wu's integrals by integrate() over t with the hazards (rel.tol 1e-13), n = (sqrt(p0) z_0.95 + sigma z_power)^2
    // / omega^2.
    private static readonly WeibullModel WuReference = new(1.22, 9 / Math.Pow(Math.Log(2), 1 / 1.22));
    private static readonly WeibullModel WuAlternative = new(1.22, WuReference.Scale * Math.Pow(1 / 1.75, -1 / 1.22));

    [Theory]
    [InlineData(0.80, 87.3154607204837845, 88)]
    [InlineData(0.85, 99.7241797414924065, 100)]
    [InlineData(0.90, 116.5080181365387233, 117)]
    public void Required_MatchesWuWorkedExample(double power, double patients, int published)
    {
        OneSampleLogRankSize size = OneSampleLogRankSampleSize.Required(WuReference, WuAlternative, 5, 3, 0.05, power);
        Assert.Equal(patients, size.Patients.Value, 1e-8);
        Assert.Equal(published, size.Patients.Ceiling);
        // R: p1 = 0.1949398273614255.
        Assert.Equal(0.1949398273614255, size.EventProbability, 1e-11);
        Assert.Equal(published * 0.1949398273614255, size.ExpectedEvents, 1e-9);
    }

    [Fact]
    public void Moments_MatchR_ForWuWorkedExample()
    {
        var moments = OneSampleLogRankMoments.Compute(WuReference, WuAlternative, 5, 3);
        Assert.Equal(0.3411446978824947, moments.ReferenceEvents, 1e-11);
        Assert.Equal(0.1949398273614255, moments.Events, 1e-11);
        Assert.Equal(0.0682829050439140, moments.ReferenceSquare, 1e-11);
        Assert.Equal(0.0390188028822366, moments.Cross, 1e-11);
        Assert.Equal(0.2320921675206977, moments.Variance, 1e-11);
    }

    [Fact]
    public void Power_MatchesR_ForWuWorkedExample()
    {
        // R: pnorm((sqrt(88) |omega| - sqrt(p0) qnorm(0.95)) / sigma) = 0.8030915037105142.
        Assert.Equal(0.8030915037105142, OneSampleLogRankSampleSize.Power(88, WuReference, WuAlternative, 5, 3, 0.05), 1e-9);
    }

    // SSG XXV's hypotheses (validation.md): exponential, S0(36) = 0.15, S1(36) = 0.35 (hazard ratio
    // log 0.35 / log 0.15 = 0.553), one-sided alpha 0.05, power 0.8.
    private static readonly ExponentialModel SsgReference = ExponentialModel.ThroughLandmark(36, 0.15);
    private static readonly ExponentialModel SsgAlternative = ExponentialModel.ThroughLandmark(36, 0.35);

    [Fact]
    public void Moments_MatchClosedForm_EveryoneFollowedTo36Months()
    {
        // Accrual 0, follow-up 36: G = 1 on [0, 36]. With delta = lambda1 / lambda0 and x = lambda1 36 = -log 0.35:
        // p1 = 1 - e^-x = 0.65, p0 = p1 / delta, p01 = (1 - e^-x (1 + x)) / delta, p00 = p01 / delta.
        double delta = Math.Log(0.35) / Math.Log(0.15);
        double x = -Math.Log(0.35);
        double tail = 1 - Math.Exp(-x) * (1 + x);
        var moments = OneSampleLogRankMoments.Compute(SsgReference, SsgAlternative, 0, 36);
        Assert.Equal(0.65, moments.Events, 1e-13);
        Assert.Equal(0.65 / delta, moments.ReferenceEvents, 1e-13);
        Assert.Equal(tail / delta, moments.Cross, 1e-13);
        Assert.Equal(tail / (delta * delta), moments.ReferenceSquare, 1e-13);
    }

    [Fact]
    public void Required_SsgXxv_EveryoneFollowedTo36Months()
    {
        // R (Wu's formula, integrals by integrate()): 26.572106308276684, within validation.md's 26.4-26.6; the
        // ceiling is 27, one more than the 26 SSG XXV planned. Power at 26: 0.792432466158761.
        OneSampleLogRankSize size = OneSampleLogRankSampleSize.Required(SsgReference, SsgAlternative, 0, 36, 0.05, 0.8);
        Assert.Equal(26.572106308276684, size.Patients.Value, 1e-9);
        Assert.Equal(27, size.Patients.Ceiling);
        Assert.Equal(27 * 0.65, size.ExpectedEvents, 1e-11);
        Assert.Equal(0.792432466158761, OneSampleLogRankSampleSize.Power(26, SsgReference, SsgAlternative, 0, 36, 0.05), 1e-10);
    }

    // Further cases against the same R code: SSG XXV's curves with accrual 24 and follow-up 12; a piecewise
    // exponential reference (0.05 per month to month 6, then 0.03) against 0.6 times it, accrual 12, follow-up 6;
    // and without proportional hazards, Weibull shape 0.7 median 10 (an infinite hazard at 0) against Weibull
    // shape 0.9 median 16, accrual 18, follow-up 12, alpha 0.025, power 0.9. Last two columns: a number of
    // patients and the power there.
    public static TheoryData<EventTimeModel, EventTimeModel, double, double, double, double, double, double, int, double> RCases => new()
    {
        { SsgReference, SsgAlternative, 24, 12, 0.05, 0.8, 33.531274980062825, 0.493157176446605, 26, 0.703172679148801 },
        {
            new PiecewiseExponentialModel([6.0], [0.05, 0.03]), new PiecewiseExponentialModel([6.0], [0.03, 0.018]),
            12, 6, 0.05, 0.8, 83.9913463377123293, 0.2487800209542334, 100, 0.8631619257191723
        },
        {
            new WeibullModel(0.7, 10 / Math.Pow(Math.Log(2), 1 / 0.7)), new WeibullModel(0.9, 16 / Math.Pow(Math.Log(2), 1 / 0.9)),
            18, 12, 0.025, 0.9, 150.557342861908211, 0.578262042693276, 100, 0.740051827054705
        },
    };

    [Theory]
    [MemberData(nameof(RCases))]
    public void Required_And_Power_MatchR(EventTimeModel reference, EventTimeModel alternative, double accrual, double followUp,
        double alpha, double power, double patients, double eventProbability, int somePatients, double powerThere)
    {
        OneSampleLogRankSize size = OneSampleLogRankSampleSize.Required(reference, alternative, accrual, followUp, alpha, power);
        Assert.Equal(patients, size.Patients.Value, 1e-8 * patients);
        Assert.Equal(eventProbability, size.EventProbability, 1e-10);
        Assert.Equal(powerThere, OneSampleLogRankSampleSize.Power(somePatients, reference, alternative, accrual, followUp, alpha), 1e-9);
    }

    // A naive reference for the moments: Wu's integrals as written, over t with the hazards, by composite Simpson
    // on a fine grid split at the follow-up (and at the piecewise break, which coincides with it here). Only for
    // hazards smooth on each piece: a Weibull hazard t^(shape - 1) is not, and Simpson converges slowly there
    // (those cases are checked against R above).
    private static OneSampleLogRankMoments NaiveMoments(EventTimeModel reference, EventTimeModel alternative, double accrual, double followUp)
    {
        double end = accrual + followUp;
        double G(double t) => t <= followUp ? 1 : Math.Max(0, (end - t) / accrual);
        double Simpson(Func<double, double> f)
        {
            double Piece(double a, double b)
            {
                if (b <= a) return 0;
                const int steps = 20000;
                double h = (b - a) / steps, sum = f(a) + f(b);
                for (int i = 1; i < steps; i++) sum += f(a + i * h) * (i % 2 == 1 ? 4 : 2);
                return sum * h / 3;
            }
            // Inside each piece, so a jump of the hazard at followUp is not sampled from the wrong side.
            return Piece(0, followUp - 1e-12) + Piece(followUp + 1e-12, end);
        }
        return new OneSampleLogRankMoments(
            Simpson(t => G(t) * alternative.Survival(t) * reference.Hazard(t)),
            Simpson(t => G(t) * alternative.Survival(t) * alternative.Hazard(t)),
            Simpson(t => G(t) * alternative.Survival(t) * reference.CumulativeHazard(t) * reference.Hazard(t)),
            Simpson(t => G(t) * alternative.Survival(t) * reference.CumulativeHazard(t) * alternative.Hazard(t)));
    }

    [Fact]
    public void Moments_AgreeWithNaiveIntegration()
    {
        (EventTimeModel Reference, EventTimeModel Alternative, double Accrual, double FollowUp)[] cases =
        [
            (SsgReference, SsgAlternative, 24, 12),
            (new PiecewiseExponentialModel([6.0], [0.05, 0.03]), new PiecewiseExponentialModel([6.0], [0.03, 0.018]), 12, 6),
            // A cure fraction in the alternative: its inverse survival is infinite below the plateau.
            (SsgReference, new CureMixtureModel(0.3, new ExponentialModel(0.04)), 12, 24),
        ];
        foreach (var (reference, alternative, accrual, followUp) in cases)
        {
            var expected = NaiveMoments(reference, alternative, accrual, followUp);
            var moments = OneSampleLogRankMoments.Compute(reference, alternative, accrual, followUp);
            Assert.Equal(expected.ReferenceEvents, moments.ReferenceEvents, 1e-9);
            Assert.Equal(expected.Events, moments.Events, 1e-9);
            Assert.Equal(expected.ReferenceSquare, moments.ReferenceSquare, 1e-9);
            Assert.Equal(expected.Cross, moments.Cross, 1e-9);
        }
    }

    [Fact]
    public void Power_InvertsRequired()
    {
        OneSampleLogRankSize size = OneSampleLogRankSampleSize.Required(SsgReference, SsgAlternative, 24, 12, 0.05, 0.85);
        Assert.Equal(0.85, OneSampleLogRankSampleSize.Power(size.Patients.Value, SsgReference, SsgAlternative, 24, 12, 0.05), 1e-10);
    }

    [Fact]
    public void Required_AlternativeNoBetterThanReference_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => OneSampleLogRankSampleSize.Required(SsgAlternative, SsgReference, 24, 12, 0.05, 0.8));
        Assert.Equal("alternative", error.ParamName);
        Assert.Throws<ArgumentException>(() => OneSampleLogRankSampleSize.Required(SsgReference, SsgReference, 24, 12, 0.05, 0.8));
    }

    [Theory]
    [InlineData(-1.0, 12.0, 0.05, 0.8, "accrualDuration")]
    [InlineData(double.NaN, 12.0, 0.05, 0.8, "accrualDuration")]
    [InlineData(24.0, double.PositiveInfinity, 0.05, 0.8, "followUp")]
    [InlineData(0.0, 0.0, 0.05, 0.8, "followUp")]
    [InlineData(24.0, 12.0, 0.0, 0.8, "alpha")]
    [InlineData(24.0, 12.0, 0.05, 1.0, "power")]
    [InlineData(24.0, 12.0, 0.05, 0.05, "power")]
    public void Required_RejectsBadArguments(double accrual, double followUp, double alpha, double power, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => OneSampleLogRankSampleSize.Required(SsgReference, SsgAlternative, accrual, followUp, alpha, power));
        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Required_PowerBelowTheFloorOfTheApproximation_Throws()
    {
        // Weibull shape 3, median 10 against median 14, everyone followed 20: sigma / sqrt(p0) = 1.3468 (R), so with
        // no patients the approximation already gives Phi(-z_0.7 / 1.3468) = 0.35 at alpha 0.3; power 0.32 would
        // need a negative n.
        var reference = new WeibullModel(3, 10 / Math.Pow(Math.Log(2), 1 / 3.0));
        var alternative = new WeibullModel(3, 14 / Math.Pow(Math.Log(2), 1 / 3.0));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => OneSampleLogRankSampleSize.Required(reference, alternative, 0, 20, 0.3, 0.32));
        Assert.Equal("power", error.ParamName);
        Assert.Contains("no patients", error.Message);
        Assert.True(OneSampleLogRankSampleSize.Required(reference, alternative, 0, 20, 0.3, 0.4).Patients.Value > 0);
    }

    [Fact]
    public void Required_RejectsNullModels()
    {
        Assert.Throws<ArgumentNullException>(() => OneSampleLogRankSampleSize.Required(null!, SsgAlternative, 24, 12, 0.05, 0.8));
        Assert.Throws<ArgumentNullException>(() => OneSampleLogRankSampleSize.Required(SsgReference, null!, 24, 12, 0.05, 0.8));
    }

    [Fact]
    public void Power_RejectsBadPatients()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => OneSampleLogRankSampleSize.Power(0, SsgReference, SsgAlternative, 24, 12, 0.05));
        Assert.Equal("patients", error.ParamName);
    }
}

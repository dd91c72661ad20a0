using TrialSim.Analyses;

namespace TrialSim.Tests.Analyses;

// The count-based Newton-Raphson Cox fit against a plain one: the partial likelihood written over
// the patients of each risk set, maximised by golden-section search; the score and information as
// the (Efron-weighted) mean and variance of the covariate over each risk set.
//
// Golden-section search compares likelihood values, and near the maximum those differ by
// I (beta - beta^)^2 / 2, which rounding (about 1e-14 on a log-likelihood near -50) swamps once
// |beta - beta^| is below about 1e-7: the search finds beta^ only to a few 1e-8, and the beta
// assertion allows 2e-7. The tight checks are the plain score at the fast estimate (zero to 1e-9,
// so the fast estimate is within 1e-9 / I of the maximum) and the likelihood there (not below
// the searched maximum).
public partial class CoxFitTest
{
    private static int Covariate(RandomTwoArmData data, int i) => data.Group[i] == 1 ? 1 : 0;

    /// <summary>Risk sets: for each stratum and distinct event time, (patients at risk, patients dying).</summary>
    private static IEnumerable<(List<int> AtRisk, List<int> Dead)> RiskSets(RandomTwoArmData data)
    {
        for (int s = 0; s < data.Strata; s++)
        {
            List<int> patients = data.Strata == 1 ? data.Compared.ToList() : data.InStratum(s);
            foreach (double t in patients.Where(i => data.IsEvent[i]).Select(i => data.Time[i]).Distinct())
            {
                var atRisk = patients.Where(i => data.Time[i] >= t).ToList();
                yield return (atRisk, atRisk.Where(i => data.Time[i] == t && data.IsEvent[i]).ToList());
            }
        }
    }

    private static double NaiveLogLikelihood(RandomTwoArmData data, double beta, CoxTies ties)
    {
        double logLikelihood = 0;
        foreach (var (atRisk, dead) in RiskSets(data))
        {
            double riskSum = atRisk.Sum(i => Math.Exp(beta * Covariate(data, i)));
            double deadSum = dead.Sum(i => Math.Exp(beta * Covariate(data, i)));
            logLikelihood += dead.Sum(i => beta * Covariate(data, i));
            for (int k = 0; k < dead.Count; k++)
                logLikelihood -= Math.Log(riskSum - (ties == CoxTies.Efron ? (double)k / dead.Count : 0) * deadSum);
        }
        return logLikelihood;
    }

    private static double NaiveScore(RandomTwoArmData data, double beta, CoxTies ties)
    {
        double score = 0;
        foreach (var (atRisk, dead) in RiskSets(data))
        {
            score += dead.Sum(i => Covariate(data, i));
            for (int k = 0; k < dead.Count; k++)
            {
                double fraction = ties == CoxTies.Efron ? (double)k / dead.Count : 0;
                double Weight(int i) => Math.Exp(beta * Covariate(data, i)) * (dead.Contains(i) ? 1 - fraction : 1);
                score -= atRisk.Sum(i => Weight(i) * Covariate(data, i)) / atRisk.Sum(Weight);
            }
        }
        return score;
    }

    private static double NaiveInformation(RandomTwoArmData data, double beta, CoxTies ties)
    {
        double information = 0;
        foreach (var (atRisk, dead) in RiskSets(data))
        {
            for (int k = 0; k < dead.Count; k++)
            {
                double fraction = ties == CoxTies.Efron ? (double)k / dead.Count : 0;
                double Weight(int i) => Math.Exp(beta * Covariate(data, i)) * (dead.Contains(i) ? 1 - fraction : 1);
                double total = atRisk.Sum(Weight);
                double mean = atRisk.Sum(i => Weight(i) * Covariate(data, i)) / total;
                double meanSquare = atRisk.Sum(i => Weight(i) * Covariate(data, i) * Covariate(data, i)) / total;
                information += meanSquare - mean * mean;
            }
        }
        return information;
    }

    private static double GoldenSectionMaximum(Func<double, double> f, double low, double high)
    {
        double ratio = (Math.Sqrt(5) - 1) / 2;
        double a = high - ratio * (high - low), b = low + ratio * (high - low);
        double fa = f(a), fb = f(b);
        while (high - low > 1e-12)
        {
            if (fa < fb) { low = a; a = b; fa = fb; b = low + ratio * (high - low); fb = f(b); }
            else { high = b; b = a; fb = fa; a = high - ratio * (high - low); fa = f(a); }
        }
        return 0.5 * (low + high);
    }

    [Fact]
    public void FastMatchesNaive_OnRandomDataWithTies()
    {
        var random = new Random(20250302);
        int converged = 0, notConverged = 0;
        double worst = 0;
        for (int replicate = 0; replicate < 300; replicate++)
        {
            var data = RandomTwoArmData.Next(random);
            foreach (var ties in new[] { CoxTies.Efron, CoxTies.Breslow })
            {
                var fast = Cox.Fit(data.Time, data.IsEvent, data.Group, data.Stratum, data.Strata, ties);
                double beta = GoldenSectionMaximum(b => NaiveLogLikelihood(data, b, ties), -30, 30);
                if (fast.Converged)
                {
                    converged++;
                    worst = Math.Max(worst, Math.Abs(beta - fast.Coefficient));
                    Assert.Equal(0, NaiveScore(data, fast.Coefficient, ties), 1e-9);
                    Assert.True(NaiveLogLikelihood(data, fast.Coefficient, ties) >= NaiveLogLikelihood(data, beta, ties) - 1e-12);
                    Assert.Equal(1 / Math.Sqrt(NaiveInformation(data, fast.Coefficient, ties)), fast.StandardError, 1e-10);
                    Assert.Equal(NaiveLogLikelihood(data, fast.Coefficient, ties), fast.LogLikelihood, 1e-10);
                }
                else
                {
                    // Not converged only when the likelihood has no interior maximum: it is flat
                    // (no information), or it keeps rising towards one end.
                    notConverged++;
                    bool flat = NaiveInformation(data, 0, ties) == 0;
                    Assert.True(flat || Math.Abs(beta) > 20, $"replicate {replicate}: naive maximum at {beta}");
                }
            }
        }
        Assert.True(converged > 300 && notConverged > 10, $"{converged} converged, {notConverged} not");
        Assert.True(worst < 2e-7, $"worst |beta difference| {worst}");
    }
}

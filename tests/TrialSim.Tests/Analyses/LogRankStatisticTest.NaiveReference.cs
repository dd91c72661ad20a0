namespace TrialSim.Tests.Analyses;

// The single-pass log-rank against a plain one written from the definitions (survdiff's formulas).
public partial class LogRankStatisticTest
{
    internal static (double Observed, double Expected, double Variance) NaiveLogRank(RandomTwoArmData data)
    {
        double observed = 0, expected = 0, variance = 0;
        for (int s = 0; s < data.Strata; s++)
        {
            List<int> patients = data.Strata == 1 ? data.Compared.ToList() : data.InStratum(s);
            foreach (double t in patients.Where(i => data.IsEvent[i]).Select(i => data.Time[i]).Distinct())
            {
                var atRisk = patients.Where(i => data.Time[i] >= t).ToList();
                var dead = atRisk.Where(i => data.Time[i] == t && data.IsEvent[i]).ToList();
                double n = atRisk.Count, n1 = atRisk.Count(i => data.Group[i] == 1), d = dead.Count;
                observed += dead.Count(i => data.Group[i] == 1);
                expected += d * n1 / n;
                if (n > 1) variance += d * (n1 / n) * (1 - n1 / n) * (n - d) / (n - 1);
            }
        }
        return (observed, expected, variance);
    }
}

using TrialSim.Analyses;

namespace TrialSim.Tests.Analyses;

// The fast single-pass Kaplan-Meier against a plain one written from the definitions.
public partial class KaplanMeierTest
{
    private static (double Survival, double GreenwoodSum, int AtRisk, int Events) NaiveAt(double[] time, bool[] isEvent, double t)
    {
        double survival = 1, greenwood = 0;
        var eventTimes = time.Where((x, i) => isEvent[i] && x <= t).Distinct().Order();
        foreach (double tj in eventTimes)
        {
            int atRisk = time.Count(x => x >= tj);
            int deaths = time.Where((x, i) => x == tj && isEvent[i]).Count();
            survival *= 1.0 - (double)deaths / atRisk;
            greenwood += deaths == atRisk ? double.PositiveInfinity : (double)deaths / (atRisk * (atRisk - deaths));
        }
        return (survival, greenwood, time.Count(x => x >= t), time.Where((x, i) => isEvent[i] && x <= t).Count());
    }

    // R's quantile.survfit rule, written out over the list of drops of the curve.
    private static double NaiveMedian(double[] time, bool[] isEvent)
    {
        const double tolerance = 1.4901161193847656e-8;
        var drops = time.Where((x, i) => isEvent[i]).Distinct().Order()
            .Select(tj => (Time: tj, Survival: NaiveAt(time, isEvent, tj).Survival)).ToList();
        for (int k = 0; k < drops.Count; k++)
        {
            if (drops[k].Survival > 0.5 + tolerance) continue;
            if (Math.Abs(drops[k].Survival - 0.5) >= tolerance) return drops[k].Time;
            double next = k + 1 < drops.Count ? drops[k + 1].Time : time.Max();
            return (drops[k].Time + next) / 2;
        }
        return double.PositiveInfinity;
    }

    [Fact]
    public void FastMatchesNaive_OnRandomDataWithTies()
    {
        var random = new Random(20240611);
        int flatMedians = 0;
        for (int replicate = 0; replicate < 400; replicate++)
        {
            int n = random.Next(0, 31);
            // Integer times from 1 to 15 make ties between events, censorings and both.
            double[] time = Enumerable.Range(0, n).Select(_ => (double)random.Next(1, 16)).Order().ToArray();
            bool[] isEvent = time.Select(_ => random.NextDouble() < 0.6).ToArray();

            foreach (double t in new[] { 0.5, 3, 7.5, 10, 15, 20 })
            {
                var fast = KaplanMeier.At(time, isEvent, t);
                var naive = NaiveAt(time, isEvent, t);
                Assert.Equal(naive.Survival, fast.Survival, 1e-12);
                if (double.IsPositiveInfinity(naive.GreenwoodSum)) Assert.True(double.IsPositiveInfinity(fast.GreenwoodSum));
                else Assert.Equal(naive.GreenwoodSum, fast.GreenwoodSum, 1e-12);
                Assert.Equal(naive.AtRisk, fast.AtRisk);
                Assert.Equal(naive.Events, fast.EventsUpTo);
                Assert.Equal(n == 0 || t > time[^1], fast.BeyondLastObservation);
            }

            double naiveMedian = NaiveMedian(time, isEvent);
            Assert.Equal(naiveMedian, KaplanMeier.Median(time, isEvent));
            if (naiveMedian != Math.Floor(naiveMedian)) flatMedians++;
            bool[] reversed = isEvent.Select(e => !e).ToArray();
            Assert.Equal(NaiveMedian(time, reversed), KaplanMeier.MedianFollowUp(time, isEvent));
        }
        // The midpoint rule must actually have been exercised (non-integer medians come only from it).
        Assert.True(flatMedians > 0);
    }
}

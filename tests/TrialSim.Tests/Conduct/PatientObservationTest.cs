using TrialSim.Cohorts;
using TrialSim.Conduct;

namespace TrialSim.Tests.Conduct;

public class PatientObservationTest
{
    /// <summary>The many-patient form (vectorised under continuous observation) against the
    /// one-patient reference, bit for bit: dropouts, a follow-up limit, deaths, never-progressing
    /// patients, entries at and after the cut, and lengths that leave a scalar tail.</summary>
    [Theory]
    [InlineData(true, 0)]
    [InlineData(true, 13)]
    [InlineData(true, 501)]
    [InlineData(false, 77)]
    public void ObserveAll_equals_Observe_patient_by_patient(bool continuous, int n)
    {
        var schedule = continuous ? AssessmentSchedule.Continuous : AssessmentSchedule.FromSegments(2, [(3, 12), (6, 60)], 12);
        var random = new Random(n);
        double Time(double mean, double never) => random.NextDouble() < never ? double.PositiveInfinity : -mean * Math.Log(1 - random.NextDouble());
        var entry = Enumerable.Range(0, n).Select(i => 24.0 * i / Math.Max(n, 1)).ToArray();
        var progression = entry.Select(_ => Time(10, 0.2)).ToArray();
        var death = entry.Select(_ => Time(40, 0.5)).ToArray();
        var dropout = entry.Select(_ => Time(30, 0.6)).ToArray();
        foreach (var (anchor, offset, maxFollowUp) in new[] { (18.0, 0.0, double.PositiveInfinity), (23.5, 6.0, 15.0), (entry.LastOrDefault(), 12.0, 20.0) })
        {
            var time = new double[n];
            var isEvent = new bool[n];
            PatientObservation.ObserveAll(entry, progression, death, dropout, maxFollowUp, anchor, offset, schedule, time, isEvent);
            for (int i = 0; i < n; i++)
            {
                double recorded = PatientObservation.RecordedEventTime(progression[i], death[i], schedule);
                var expected = PatientObservation.Observe(entry[i], recorded, Math.Min(maxFollowUp, dropout[i]), anchor + offset, (anchor - entry[i]) + offset, schedule);
                Assert.Equal(expected, (time[i], isEvent[i]));
            }
        }
    }

    /// <summary>The recordable event calendar times (vectorised under continuous observation) against
    /// the one-patient definition: ineligible patients and events beyond follow-up at +infinity,
    /// the count and the latest of the recordable ones.</summary>
    [Theory]
    [InlineData(true, 0)]
    [InlineData(true, 9)]
    [InlineData(true, 400)]
    [InlineData(false, 61)]
    public void EventCalendarTimes_follow_the_definition(bool continuous, int n)
    {
        var schedule = continuous ? AssessmentSchedule.Continuous : AssessmentSchedule.FromSegments(2, [(3, 12), (6, 60)], 12);
        var random = new Random(n + 1);
        double Time(double mean, double never) => random.NextDouble() < never ? double.PositiveInfinity : -mean * Math.Log(1 - random.NextDouble());
        var entry = Enumerable.Range(0, n).Select(i => 24.0 * i / Math.Max(n, 1)).ToArray();
        var progression = entry.Select(_ => Time(10, 0.2)).ToArray();
        var death = entry.Select(_ => Time(40, 0.5)).ToArray();
        var dropout = entry.Select(_ => Time(30, 0.6)).ToArray();
        var ineligible = entry.Select(_ => random.NextDouble() < 0.1).ToArray();
        foreach (double maxFollowUp in new[] { double.PositiveInfinity, 15 })
        {
            var calendar = new double[n];
            int count = PatientObservation.EventCalendarTimes(entry, progression, death, dropout, ineligible, maxFollowUp, schedule, calendar, out double latest);
            var expected = new double[n];
            int expectedCount = 0;
            double expectedLatest = double.NegativeInfinity;
            for (int i = 0; i < n; i++)
            {
                double recorded = PatientObservation.RecordedEventTime(progression[i], death[i], schedule);
                bool recordable = !ineligible[i] && recorded <= Math.Min(dropout[i], maxFollowUp);
                expected[i] = recordable ? entry[i] + recorded : double.PositiveInfinity;
                if (!recordable) continue;
                expectedCount++;
                expectedLatest = Math.Max(expectedLatest, expected[i]);
            }
            Assert.Equal(expected, calendar);
            Assert.Equal(expectedCount, count);
            Assert.Equal(expectedLatest, latest);
        }
    }
}

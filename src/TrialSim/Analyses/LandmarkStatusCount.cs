namespace TrialSim.Analyses;

/// <summary>
/// Progression-free status at a landmark t*, counted over the patients evaluable there: the one place
/// the evaluable-at-landmark rule lives, shared by the single-arm binomial test and the two-arm rate tests.
/// </summary>
/// <param name="Successes">Evaluable patients free of events at the landmark: observed time at least t*
/// without an event by t* (an event after t*, or censored at or after t*).</param>
/// <param name="Failures">Patients with an event at or before t* (an event exactly at t* is a failure).</param>
/// <remarks>Patients censored before t* have unknown status and are in neither count. The data need not
/// be sorted.</remarks>
internal readonly record struct LandmarkStatusCount(int Successes, int Failures)
{
    /// <summary>Patients whose status at the landmark is known.</summary>
    public int Evaluable => Successes + Failures;

    /// <summary>Counts the patients coded <paramref name="which"/> in <paramref name="group"/>; every
    /// patient when <paramref name="group"/> is empty. Lengths are the caller's to check.</summary>
    public static LandmarkStatusCount Tally(ReadOnlySpan<double> time, ReadOnlySpan<bool> isEvent, ReadOnlySpan<byte> group, byte which, double landmark)
    {
        bool everyone = group.IsEmpty;
        int failures = 0, successes = 0;
        for (int i = 0; i < time.Length; i++)
        {
            if (!everyone && group[i] != which) continue;
            if (isEvent[i] && time[i] <= landmark) failures++;
            else if (time[i] >= landmark) successes++;
        }
        return new LandmarkStatusCount(successes, failures);
    }
}

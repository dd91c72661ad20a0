namespace TrialSim.Cohorts;

/// <summary>
/// One simulated cohort in struct-of-arrays form, owned by a worker and refilled for every
/// replicate (never reallocated). Times are months: entry is calendar time from the opening of
/// enrolment; the event and dropout times are from the patient's entry.
/// </summary>
public sealed class Cohort
{
    public double[] Entry { get; }
    public bool[] Ineligible { get; }
    /// <summary>True progression time from entry (+infinity: never, e.g. cured).</summary>
    public double[] Progression { get; }
    /// <summary>True time of death without progression from entry (+infinity when no death model).</summary>
    public double[] Death { get; }
    /// <summary>Loss-to-follow-up time from entry (+infinity when no dropout model).</summary>
    public double[] Dropout { get; }

    /// <summary>Patients enrolled in this replicate (at most the capacity).</summary>
    public int Enrolled { get; internal set; }
    /// <summary>Calendar time enrolment ended: the last entry when the target was met, else the closure time.</summary>
    public double AccrualEnd { get; internal set; }
    /// <summary>Calendar time of the last entry (0 when nobody enrolled).</summary>
    public double LastEntry { get; internal set; }
    public bool ClosedShort { get; internal set; }

    public Cohort(int capacity)
    {
        Entry = new double[capacity];
        Ineligible = new bool[capacity];
        Progression = new double[capacity];
        Death = new double[capacity];
        Dropout = new double[capacity];
    }

    public int Capacity => Entry.Length;
}

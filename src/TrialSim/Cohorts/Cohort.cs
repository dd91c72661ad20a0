namespace TrialSim.Cohorts;

/// <summary>
/// One simulated cohort in struct-of-arrays form, owned by a worker and refilled for every
/// replicate (never reallocated). Times are months: entry is calendar time from the opening of
/// enrolment; every other time is from the patient's entry.
/// </summary>
public sealed class Cohort
{
    public double[] Entry { get; }
    public bool[] Ineligible { get; }
    public byte[] Arm { get; }
    public byte[] Stratum { get; }
    /// <summary>True progression time (+infinity: never, e.g. cured).</summary>
    public double[] Progression { get; }
    /// <summary>True time of death (+infinity when there is no death model).</summary>
    public double[] Death { get; }
    /// <summary>Loss-to-follow-up time (+infinity when there is no dropout model).</summary>
    public double[] Dropout { get; }
    /// <summary>When the patient came off the drug: 0 in an arm that stops at entry, the toxicity
    /// stop in an arm that continues, +infinity when never.</summary>
    public double[] OffDrugFrom { get; }
    /// <summary>Whether a rechallenge at progression would bring a response.</summary>
    public bool[] RespondsToRestart { get; }
    /// <summary>Progression-free time after a restart for a responder (PFS2).</summary>
    public double[] SecondProgression { get; }

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
        Arm = new byte[capacity];
        Stratum = new byte[capacity];
        Progression = new double[capacity];
        Death = new double[capacity];
        Dropout = new double[capacity];
        OffDrugFrom = new double[capacity];
        RespondsToRestart = new bool[capacity];
        SecondProgression = new double[capacity];
    }

    public int Capacity => Entry.Length;
}

namespace TrialSim.Conduct;

/// <summary>
/// What the analysis sees at a data cut, for the analysed (eligible) patients: follow-up time
/// from entry to the recorded event or censoring, and whether it is an event. Sorted by time once
/// per cut (<see cref="SortByTime"/>) and then shared by every analysis. Worker-owned, reused.
/// </summary>
public sealed class ObservedData
{
    private readonly double[] _time;
    private readonly bool[] _isEvent;

    public ObservedData(int capacity)
    {
        _time = new double[capacity];
        _isEvent = new bool[capacity];
        Scratch = new double[capacity];
    }

    public int Count { get; private set; }
    public int Events { get; private set; }
    /// <summary>Patients enrolled by the cut, eligible or not.</summary>
    public int EnrolledAtCut { get; internal set; }
    /// <summary>Calendar time of the cut (months from the opening of enrolment).</summary>
    public double CutTime { get; internal set; }

    public ReadOnlySpan<double> Time => _time.AsSpan(0, Count);
    public ReadOnlySpan<bool> IsEvent => _isEvent.AsSpan(0, Count);

    /// <summary>A buffer the size of the cohort for selection when finding the cut.</summary>
    internal double[] Scratch { get; }

    internal void Clear()
    {
        Count = 0;
        Events = 0;
    }

    internal void Add(double time, bool isEvent)
    {
        _time[Count] = time;
        _isEvent[Count] = isEvent;
        Count++;
        if (isEvent) Events++;
    }

    /// <summary>Sorts by time (ties in any order; the analyses group tied times).</summary>
    internal void SortByTime() => _time.AsSpan(0, Count).Sort(_isEvent.AsSpan(0, Count));
}

namespace TrialSim.Conduct;

/// <summary>
/// What the analyses see at a data cut, for the analysed (eligible) patients: follow-up time
/// from entry to the recorded event or censoring, whether it is an event, and the patient's arm
/// and stratum. Sorted by time once per cut and then shared by every analysis. Worker-owned, reused.
/// </summary>
public sealed class ObservedData
{
    private readonly double[] _time;
    private readonly bool[] _isEvent;
    private readonly byte[] _arm, _stratum;
    private readonly int[] _tag;
    private readonly ulong[] _keys, _keysSwap;
    private readonly int[] _tagSwap;

    public ObservedData(int capacity, int arms = 1)
    {
        _time = new double[capacity];
        _isEvent = new bool[capacity];
        _arm = new byte[capacity];
        _stratum = new byte[capacity];
        _tag = new int[capacity];
        _keys = new ulong[capacity];
        _keysSwap = new ulong[capacity];
        _tagSwap = new int[capacity];
        Group = new byte[capacity];
        Scratch = new double[capacity];
        Arms = new ArmOutcome[arms];
    }

    public int Count { get; private set; }
    public int Events { get; private set; }
    /// <summary>Patients enrolled by the cut, eligible or not.</summary>
    public int EnrolledAtCut { get; internal set; }
    /// <summary>Calendar time of the cut (months from the opening of enrolment).</summary>
    public double CutTime { get; internal set; }

    public ReadOnlySpan<double> Time => _time.AsSpan(0, Count);
    public ReadOnlySpan<bool> IsEvent => _isEvent.AsSpan(0, Count);
    public ReadOnlySpan<byte> Arm => _arm.AsSpan(0, Count);
    public ReadOnlySpan<byte> Stratum => _stratum.AsSpan(0, Count);

    /// <summary>Per-arm tallies at this cut.</summary>
    public ArmOutcome[] Arms { get; }

    /// <summary>A per-patient buffer for an analysis's group codes (1 experimental, 0 control, 255 neither).</summary>
    internal byte[] Group { get; }

    /// <summary>A buffer the size of the cohort for selection when finding the cut.</summary>
    internal double[] Scratch { get; }

    internal void Clear()
    {
        Count = 0;
        Events = 0;
        Array.Clear(Arms);
    }

    internal void Add(double time, bool isEvent, byte arm, byte stratum)
    {
        _time[Count] = time;
        // Arm and stratum ride with the event flag through the one sort.
        _tag[Count] = (isEvent ? 1 : 0) | (arm << 1) | (stratum << 9);
        Count++;
        if (isEvent) Events++;
    }

    private const int RadixThreshold = 96;

    /// <summary>
    /// Stable least-significant-digit radix sort of the times with their tags, 8 bits a pass. The
    /// bit patterns of non-negative doubles (+infinity included) order as unsigned integers; passes
    /// whose digit is the same for every key are skipped. About 3 times faster than introsort at
    /// 500 patients. Returns false, sorting nothing, when a time is negative or NaN.
    /// </summary>
    private bool TryRadixSort()
    {
        int n = Count;
        var keys = _keys.AsSpan(0, n);
        for (int i = 0; i < n; i++)
        {
            double time = _time[i] + 0.0; // -0 becomes +0
            if (!(time >= 0)) return false;
            keys[i] = BitConverter.DoubleToUInt64Bits(time);
        }
        Span<int> counts = stackalloc int[256];
        ulong[] sourceKeys = _keys, targetKeys = _keysSwap;
        int[] sourceTags = _tag, targetTags = _tagSwap;
        for (int shift = 0; shift < 64; shift += 8)
        {
            counts.Clear();
            for (int i = 0; i < n; i++) counts[(int)(sourceKeys[i] >> shift) & 0xFF]++;
            if (counts[(int)(sourceKeys[0] >> shift) & 0xFF] == n) continue;
            int offset = 0;
            for (int digit = 0; digit < 256; digit++)
            {
                int count = counts[digit];
                counts[digit] = offset;
                offset += count;
            }
            for (int i = 0; i < n; i++)
            {
                int position = counts[(int)(sourceKeys[i] >> shift) & 0xFF]++;
                targetKeys[position] = sourceKeys[i];
                targetTags[position] = sourceTags[i];
            }
            (sourceKeys, targetKeys) = (targetKeys, sourceKeys);
            (sourceTags, targetTags) = (targetTags, sourceTags);
        }
        for (int i = 0; i < n; i++)
        {
            _time[i] = BitConverter.UInt64BitsToDouble(sourceKeys[i]);
            _tag[i] = sourceTags[i];
        }
        return true;
    }

    /// <summary>Sorts by time (ties in any order; the analyses group tied times).</summary>
    internal void SortByTime()
    {
        if (Count < RadixThreshold || !TryRadixSort()) _time.AsSpan(0, Count).Sort(_tag.AsSpan(0, Count));
        for (int i = 0; i < Count; i++)
        {
            int tag = _tag[i];
            _isEvent[i] = (tag & 1) != 0;
            _arm[i] = (byte)(tag >> 1);
            _stratum[i] = (byte)(tag >> 9);
        }
    }
}

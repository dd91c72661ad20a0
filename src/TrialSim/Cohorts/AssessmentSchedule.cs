using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace TrialSim.Cohorts;

/// <summary>
/// When progression can be seen. Continuous: at its true time. Otherwise only at scans, at
/// <see cref="VisitTimes"/> months after entry and then every <see cref="ThereafterEvery"/>
/// months (infinity: no scans after the last listed). A progression is recorded at the first scan
/// at or after it; a patient without a recorded event is censored at the last scan before their
/// follow-up ends (the usual PFS convention: last adequate assessment).
/// </summary>
public sealed record AssessmentSchedule
{
    public static AssessmentSchedule Continuous { get; } = new();

    public bool IsContinuous { get; }
    public ImmutableArray<double> VisitTimes { get; }
    public double ThereafterEvery { get; }
    private readonly double[] _visits;

    private AssessmentSchedule()
    {
        IsContinuous = true;
        VisitTimes = [];
        ThereafterEvery = double.PositiveInfinity;
        _visits = [];
    }

    public AssessmentSchedule(IReadOnlyList<double> visitTimes, double thereafterEvery)
    {
        if (visitTimes.Count == 0) throw new ArgumentException("a scan schedule needs at least one visit");
        for (int i = 0; i < visitTimes.Count; i++)
            if (!(visitTimes[i] > (i == 0 ? 0 : visitTimes[i - 1])) || double.IsInfinity(visitTimes[i]))
                throw new ArgumentException("visit times must be positive, finite and strictly increasing");
        if (!(thereafterEvery > 0)) throw new ArgumentOutOfRangeException(nameof(thereafterEvery), thereafterEvery, "the interval after the last visit must be positive (or infinity)");
        _visits = visitTimes.ToArray();
        VisitTimes = [.. visitTimes];
        ThereafterEvery = thereafterEvery;
    }

    /// <summary>
    /// Visits built from segments: a first scan at <paramref name="first"/>, then for each segment
    /// a scan every <c>Every</c> months from the previous scan while the time stays at or below
    /// <c>Until</c>. SSG XXV: first 2, then (3 until 12), (4 until 36), (6 until 60) gives
    /// 2, 5, 8, 11, 15, ..., 35, 41, ..., 59.
    /// </summary>
    public static AssessmentSchedule FromSegments(double first, IReadOnlyList<(double Every, double Until)> segments, double thereafterEvery)
    {
        var visits = new List<double> { first };
        foreach (var (every, until) in segments)
        {
            if (!(every > 0)) throw new ArgumentOutOfRangeException(nameof(segments), every, "a segment's interval must be positive");
            // Small tolerance so 2 + 3k lands on 'until' despite rounding.
            while (visits[^1] + every <= until + 1e-9) visits.Add(visits[^1] + every);
        }
        return new AssessmentSchedule(visits, thereafterEvery);
    }

    /// <summary>Time (months from entry) at which an event at <paramref name="time"/> is seen.</summary>
    /// <remarks>Small enough to inline, so continuous observation costs nothing per patient.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double FirstVisitAtOrAfter(double time) => IsContinuous ? time : FirstScanAtOrAfter(time);

    private double FirstScanAtOrAfter(double time)
    {
        int index = Array.BinarySearch(_visits, time);
        if (index >= 0) return _visits[index];
        index = ~index;
        if (index < _visits.Length) return _visits[index];
        double last = _visits[^1];
        if (double.IsPositiveInfinity(ThereafterEvery)) return double.PositiveInfinity;
        return last + Math.Ceiling((time - last) / ThereafterEvery) * ThereafterEvery;
    }

    /// <summary>The last visit at or before <paramref name="time"/> (0, entry, when there is none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double LastVisitAtOrBefore(double time) => IsContinuous ? time : LastScanAtOrBefore(time);

    private double LastScanAtOrBefore(double time)
    {
        int index = Array.BinarySearch(_visits, time);
        if (index >= 0) return _visits[index];
        index = ~index;
        if (index == 0) return 0;
        if (index < _visits.Length || double.IsPositiveInfinity(ThereafterEvery)) return _visits[index - 1];
        double last = _visits[^1];
        return last + Math.Floor((time - last) / ThereafterEvery) * ThereafterEvery;
    }

    public bool Equals(AssessmentSchedule? other) =>
        other is not null && IsContinuous == other.IsContinuous && ThereafterEvery == other.ThereafterEvery && VisitTimes.SequenceEqual(other.VisitTimes);
    public override int GetHashCode() => HashCode.Combine(IsContinuous, VisitTimes.Length, ThereafterEvery);
}

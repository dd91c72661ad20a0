namespace TrialSim.Conduct;

/// <summary>When the data are cut for analysis, in calendar months from the first enrolment window opening (time 0).</summary>
public abstract record AnalysisTime;

/// <summary>A fixed follow-up after the last patient is enrolled (or after enrolment closes short).</summary>
public sealed record AfterLastPatient(double FollowUp) : AnalysisTime;

/// <summary>At a fixed calendar time.</summary>
public sealed record AtCalendarTime(double Time) : AnalysisTime;

/// <summary>When <paramref name="Events"/> events have been observed; if that never happens, when
/// the last observable event has been seen, or at <paramref name="MaxCalendarTime"/> if sooner.</summary>
public sealed record AtEventCount(int Events, double? MaxCalendarTime) : AnalysisTime;

/// <summary>When <paramref name="Patients"/> patients have been enrolled (an interim look).</summary>
public sealed record AtEnrolment(int Patients) : AnalysisTime;

/// <summary>
/// When the first <paramref name="Patients"/> analysed patients in order of entry have a known
/// status at <paramref name="Landmark"/>: an event recorded by it, or follow-up past it (the first
/// scan at or after it). Simon's stages are looks of this kind.
/// </summary>
public sealed record AtEvaluable(int Patients, double Landmark) : AnalysisTime;

/// <summary>When the events reach <paramref name="Fraction"/> of the design's planned information
/// (the final look's event target, or the interim design's planned information).</summary>
public sealed record AtInformationFraction(double Fraction) : AnalysisTime;

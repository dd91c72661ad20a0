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

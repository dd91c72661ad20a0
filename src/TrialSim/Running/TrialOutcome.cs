namespace TrialSim.Running;

/// <summary>
/// What one simulated trial came to, apart from its analyses. Times in months; durations are
/// calendar times from the opening of enrolment.
/// </summary>
/// <param name="Enrolled">Patients enrolled by the analysis (eligible or not).</param>
/// <param name="Analysed">Eligible patients in the analysis population.</param>
/// <param name="Events">PFS events recorded by the cut among analysed patients.</param>
/// <param name="Duration">Calendar time of the analysis.</param>
/// <param name="AccrualDuration">Calendar time enrolment ended.</param>
/// <param name="ClosedShort">Enrolment closed below the target sample size (the accrual period ran out) by the analysis;
/// an analysis or interim stop that comes before enrolment ends is not closing short.</param>
/// <param name="MedianFollowUp">Reverse Kaplan-Meier median follow-up (months).</param>
/// <param name="EndedAtLook">The look the trial ended at: an interim look's index, or the number of interim looks for the final analysis.</param>
public readonly record struct TrialOutcome(
    int Enrolled, int Analysed, int Events, double Duration, double AccrualDuration, bool ClosedShort, double MedianFollowUp, int EndedAtLook = 0);

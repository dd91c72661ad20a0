namespace TrialSim.Conduct;

/// <summary>What happened in one arm of one simulated trial by its data cut.</summary>
/// <param name="Analysed">Eligible patients enrolled by the cut.</param>
/// <param name="Events">PFS events recorded.</param>
/// <param name="Deaths">Deaths recorded (OS events).</param>
/// <param name="Rechallenged">Patients whose progression was seen while off the drug in an arm that restarts it.</param>
/// <param name="Responded">Rechallenged patients who responded.</param>
/// <param name="SecondProgressions">Progressions after the restart recorded by the cut (PFS2 events).</param>
/// <param name="MonthsOffDrug">Months off the drug, summed over the arm's analysed patients, up to the cut.</param>
public record struct ArmOutcome(int Enrolled, int Analysed, int Events, int Deaths, int Rechallenged, int Responded, int SecondProgressions, double MonthsOffDrug);

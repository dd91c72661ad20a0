namespace TrialSim.Analyses;

/// <summary>
/// One distinct event time within one stratum, as the two-arm survival statistics see it: the
/// numbers at risk just before the time (observed time at least this time, so patients censored at
/// it are included) and the events at it, by arm.
/// </summary>
/// <param name="AtRiskControl">Control patients at risk, n0.</param>
/// <param name="AtRiskExperimental">Experimental patients at risk, n1.</param>
/// <param name="DeathsControl">Control events at this time, d0.</param>
/// <param name="DeathsExperimental">Experimental events at this time, d1.</param>
internal readonly record struct RiskSetAtEventTime(int AtRiskControl, int AtRiskExperimental, int DeathsControl, int DeathsExperimental)
{
    /// <summary>n = n0 + n1.</summary>
    public int AtRisk => AtRiskControl + AtRiskExperimental;

    /// <summary>d = d0 + d1.</summary>
    public int Deaths => DeathsControl + DeathsExperimental;
}

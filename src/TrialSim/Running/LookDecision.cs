namespace TrialSim.Running;

/// <summary>What happened at one look of one simulated trial.</summary>
public enum LookDecision : byte
{
    /// <summary>The trial ended before this look, or its trigger was never reached before the final analysis.</summary>
    NotReached,
    /// <summary>An interim look that crossed no boundary.</summary>
    Continue,
    /// <summary>Efficacy boundary crossed: H0 rejected (at the final look, the final test rejected).</summary>
    Efficacy,
    /// <summary>Futility (or harm) boundary crossed at an interim look.</summary>
    Futility,
    /// <summary>The final look, without rejection.</summary>
    NoRejection,
}

/// <summary>One look of one simulated trial: when, how much information, the monitored z and the bounds used.</summary>
public record struct LookRecord(double Time, double Information, double Z, double EfficacyBound, double FutilityBound, LookDecision Decision);

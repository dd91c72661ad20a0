namespace TrialSim.Analyses;

/// <summary>The arm indices an analysis compares; (-1, -1) for a single-arm analysis.</summary>
public readonly record struct Comparison(int Experimental, int Control)
{
    public static readonly Comparison SingleArm = new(-1, -1);

    /// <summary>Group code of a patient's arm: 1 experimental, 0 control, 255 not compared.</summary>
    /// <remarks>Arithmetic on 0/1 flags rather than a chain of conditions: the arms of successive
    /// patients are random, and a branch on them would mispredict half the time.</remarks>
    public byte GroupOf(byte arm)
    {
        int experimental = arm == Experimental ? 1 : 0;
        int neither = (arm == Control ? 0 : 1) - experimental;
        return (byte)(experimental + 255 * neither);
    }
}

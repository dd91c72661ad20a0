namespace TrialSim.Analyses;

/// <summary>The arm indices an analysis compares; (-1, -1) for a single-arm analysis.</summary>
public readonly record struct Comparison(int Experimental, int Control)
{
    public static readonly Comparison SingleArm = new(-1, -1);

    /// <summary>Group code of a patient's arm: 1 experimental, 0 control, 255 not compared.</summary>
    public byte GroupOf(byte arm) => arm == Experimental ? (byte)1 : arm == Control ? (byte)0 : (byte)255;
}

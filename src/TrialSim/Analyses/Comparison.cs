using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TrialSim.Analyses;

/// <summary>The arm indices an analysis compares; (-1, -1) for a single-arm analysis.</summary>
public readonly record struct Comparison(int Experimental, int Control)
{
    public static readonly Comparison SingleArm = new(-1, -1);

    /// <summary>The arms <paramref name="spec"/> compares in <paramref name="scenario"/>: its experimental
    /// and control arms for a two-arm analysis, <see cref="SingleArm"/> otherwise.</summary>
    public static Comparison Of(AnalysisSpec spec, Scenarios.Scenario scenario) =>
        spec is TwoArmAnalysisSpec twoArm
            ? new Comparison(scenario.ArmIndex(twoArm.Experimental), scenario.ArmIndex(twoArm.Control))
            : SingleArm;

    /// <summary>Group code of a patient's arm: 1 experimental, 0 control, 255 not compared.</summary>
    /// <remarks>Arithmetic on 0/1 flags rather than a chain of conditions: the arms of successive
    /// patients are random, and a branch on them would mispredict half the time.</remarks>
    public byte GroupOf(byte arm)
    {
        int experimental = arm == Experimental ? 1 : 0;
        int neither = (arm == Control ? 0 : 1) - experimental;
        return (byte)(experimental + 255 * neither);
    }

    /// <summary><see cref="GroupOf"/> for every patient, 32 a vector step.</summary>
    public void GroupsOf(ReadOnlySpan<byte> arms, Span<byte> groups)
    {
        if (groups.Length < arms.Length) throw new ArgumentException("groups must hold one code per patient", nameof(groups));
        int i = 0;
        if (Vector256.IsHardwareAccelerated && (uint)Experimental <= byte.MaxValue && (uint)Control <= byte.MaxValue)
        {
            var experimental = Vector256.Create((byte)Experimental);
            var control = Vector256.Create((byte)Control);
            var one = Vector256.Create((byte)1);
            for (; i + 32 <= arms.Length; i += 32)
            {
                var arm = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(arms), (nuint)i);
                var isExperimental = Vector256.Equals(arm, experimental);
                // 1 for experimental, 0 for control, 255 (all ones) for neither.
                var code = (isExperimental & one) | ~(isExperimental | Vector256.Equals(arm, control));
                code.StoreUnsafe(ref MemoryMarshal.GetReference(groups), (nuint)i);
            }
        }
        for (; i < arms.Length; i++) groups[i] = GroupOf(arms[i]);
    }
}

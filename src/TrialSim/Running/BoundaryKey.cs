namespace TrialSim.Running;

/// <summary>
/// The observed information at looks 0..Look (integers: events or evaluable patients), which is
/// all a trial's group-sequential bounds at that look depend on. Event-driven looks repeat the same
/// vector in most trials, so bounds are computed once per distinct vector.
/// </summary>
internal readonly record struct BoundaryKey(int Look, bool Final, int I0, int I1, int I2, int I3, int I4, int I5, int I6, int I7, int I8, int I9, int I10)
{
    public static BoundaryKey From(int look, bool final, ReadOnlySpan<double> information)
    {
        Span<int> at = stackalloc int[11];
        for (int k = 0; k < at.Length; k++) at[k] = k <= look ? (int)information[k] : -1;
        return new BoundaryKey(look, final, at[0], at[1], at[2], at[3], at[4], at[5], at[6], at[7], at[8], at[9], at[10]);
    }
}

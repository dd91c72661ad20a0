namespace TrialSim.SampleSize;

/// <summary>
/// A single-stage exact binomial design: of <see cref="SampleSize"/> evaluable patients, H0 is rejected
/// when at least <see cref="CriticalValue"/> are successes (free of events at the landmark, or responding).
/// </summary>
/// <param name="SampleSize">n, evaluable patients, at least 0.</param>
/// <param name="CriticalValue">r, the fewest successes that reject H0; n + 1 when no count can reject at
/// the level asked for.</param>
/// <param name="ExactAlpha">P(X &gt;= r; n, p0), the exact type I error, at most the nominal alpha.</param>
/// <param name="ExactPower">P(X &gt;= r; n, p1), the exact power at the alternative rate.</param>
public readonly record struct ExactBinomialDesign(int SampleSize, int CriticalValue, double ExactAlpha, double ExactPower)
{
    /// <summary>A'Hern's notation, "r/n".</summary>
    public override string ToString() => $"{CriticalValue}/{SampleSize}";
}

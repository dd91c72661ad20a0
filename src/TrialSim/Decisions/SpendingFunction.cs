namespace TrialSim.Decisions;

/// <summary>
/// An error-spending function: the cumulative share of the error rate spent by information
/// fraction t in [0, 1], with Spend(level, 0) = 0 and Spend(level, 1) = level. Used for alpha
/// (efficacy boundaries) and for beta (futility boundaries).
/// </summary>
/// <remarks>
/// Lan &amp; DeMets (1983), Biometrika 70:659-663: spending the error as a function of information
/// lets the number and timing of looks differ from the plan while the level is kept. The formulas
/// live in one place, <c>SpendingFunctions</c>.
/// </remarks>
public abstract record SpendingFunction
{
    /// <summary>Cumulative error spent by information fraction <paramref name="t"/> out of <paramref name="level"/>.</summary>
    /// <param name="level">The one-sided error rate to spend, in (0, 0.5).</param>
    /// <param name="t">The information fraction, in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">A level outside (0, 0.5), t outside [0, 1], NaN, or an invalid parameter of the family.</exception>
    public abstract double Spend(double level, double t);
}

/// <summary>Lan-DeMets O'Brien-Fleming type: 2 - 2 Phi(z_{1-level/2} / sqrt(t)) (one-sided level).</summary>
/// <remarks>Lan &amp; DeMets (1983); spends almost nothing early. rpact's "asOF" / "bsOF".</remarks>
public sealed record LanDeMetsOBrienFleming : SpendingFunction
{
    /// <inheritdoc/>
    public override double Spend(double level, double t) => SpendingFunctions.OBrienFleming(level, t);
}

/// <summary>Lan-DeMets Pocock type: level log(1 + (e - 1) t).</summary>
/// <remarks>Lan &amp; DeMets (1983); boundaries close to constant on the z scale. rpact's "asP" / "bsP".</remarks>
public sealed record LanDeMetsPocock : SpendingFunction
{
    /// <inheritdoc/>
    public override double Spend(double level, double t) => SpendingFunctions.Pocock(level, t);
}

/// <summary>Hwang-Shih-DeCani: level (1 - exp(-gamma t)) / (1 - exp(-gamma)); gamma = 0 is linear (level t).</summary>
/// <remarks>Hwang, Shih &amp; DeCani (1990), Statistics in Medicine 9:1439-1445. Gamma -4 resembles
/// O'Brien-Fleming, gamma 1 resembles Pocock. Gamma must be finite. rpact's "asHSD" (gammaA).</remarks>
public sealed record HwangShihDeCani(double Gamma) : SpendingFunction
{
    /// <inheritdoc/>
    public override double Spend(double level, double t) => SpendingFunctions.HwangShihDeCani(level, t, Gamma);
}

/// <summary>Kim-DeMets power family: level t^rho (rho &gt; 0).</summary>
/// <remarks>Kim &amp; DeMets (1987), Biometrika 74:149-154. Rho 1 is linear; rho 3 resembles
/// O'Brien-Fleming. rpact's "asKD" (gammaA is rho).</remarks>
public sealed record KimDeMetsPower(double Rho) : SpendingFunction
{
    /// <inheritdoc/>
    public override double Spend(double level, double t) => SpendingFunctions.KimDeMetsPower(level, t, Rho);
}

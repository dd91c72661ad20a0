namespace TrialSim.Decisions;

/// <summary>
/// What <see cref="GroupSequentialBoundaries.Compute"/> reports besides the boundaries it writes
/// into the caller's spans.
/// </summary>
/// <param name="Looks">The number of looks K (the length of every span).</param>
/// <param name="TypeOneError">P_0(some Z_k &gt;= b_k): the one-sided type I error of the efficacy
/// boundaries under theta = 0, counting futility stops only when the futility rule is binding. For
/// spending and Haybittle-Peto boundaries it equals the alpha spent (alpha itself when the last
/// spending fraction is 1); for fixed boundaries it is computed.</param>
/// <param name="TypeTwoError">With <see cref="BetaSpendingFutility"/>: P_theta(no efficacy crossing)
/// under its design drift with the futility bounds obeyed, so 1 - power. It equals beta exactly when
/// the design drift is the one the design implies (<see cref="GroupSequentialBoundaries.BetaSpendingDesignDrift"/>).
/// NaN for any other futility rule, which carries no drift.</param>
public readonly record struct BoundarySet(int Looks, double TypeOneError, double TypeTwoError);

namespace TrialSim.Distributions;

/// <summary>
/// A piecewise-constant, non-negative rate: Rates[k] on [Starts[k], Starts[k+1]), the last for
/// ever, Starts[0] = 0. Its integral and the integral's first-reach inverse serve both a hazard
/// (cumulative hazard, inverse survival) and an accrual intensity (expected arrivals, arrival
/// times). Callers validate their own inputs; this trusts them.
/// </summary>
internal sealed class PiecewiseConstant
{
    private readonly double[] _starts, _rates, _integralAtStart;

    public PiecewiseConstant(double[] starts, double[] rates)
    {
        _starts = starts;
        _rates = rates;
        _integralAtStart = new double[rates.Length];
        for (int k = 1; k < rates.Length; k++)
            _integralAtStart[k] = _integralAtStart[k - 1] + rates[k - 1] * (starts[k] - starts[k - 1]);
    }

    /// <summary>The piece holding <paramref name="time"/> (the first for times at or before 0).</summary>
    public int PieceOf(double time)
    {
        int k = _rates.Length - 1;
        while (k > 0 && time < _starts[k]) k--;
        return k;
    }

    public double Rate(double time) => _rates[PieceOf(Math.Max(time, 0))];

    /// <summary>The integral of the rate from 0 to <paramref name="time"/>.</summary>
    public double Integral(double time)
    {
        if (time <= 0) return 0;
        int k = PieceOf(time);
        return _integralAtStart[k] + _rates[k] * (time - _starts[k]);
    }

    /// <summary>
    /// The first time the integral reaches <paramref name="level"/>; +infinity when it never does.
    /// The first piece whose end reaches the level holds it, so a level equal to a zero-rate
    /// piece's (a pause, a plateau) is reached where that piece begins, not where it ends.
    /// </summary>
    public double InverseIntegral(double level)
    {
        int piece = 0;
        return InverseIntegral(level, ref piece);
    }

    /// <summary>
    /// <see cref="InverseIntegral(double)"/> for rising levels: the search for the piece starts at
    /// <paramref name="piece"/> (0 at first) and leaves the piece found there, so a run of rising
    /// levels walks the pieces once. Same result, provided no level is below an earlier one.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public double InverseIntegral(double level, ref int piece)
    {
        if (level <= 0) return 0;
        int k = piece;
        while (k < _rates.Length - 1 && _integralAtStart[k + 1] < level) k++;
        piece = k;
        double remaining = level - _integralAtStart[k];
        return _rates[k] > 0 ? _starts[k] + remaining / _rates[k] : double.PositiveInfinity;
    }
}

namespace TrialSim.SampleSize;

/// <summary>
/// A count a sample-size formula asks for (events or patients): the real-valued solution and the
/// whole number to plan with.
/// </summary>
/// <remarks>The formulas give a real number; a trial needs at least that many, so the count to plan
/// with is its ceiling. Both are kept so a report can show the formula's own answer.</remarks>
public readonly record struct RequiredCount
{
    /// <summary>The formula's real-valued solution, positive.</summary>
    public double Value { get; }

    /// <summary>The smallest whole number at least <see cref="Value"/>.</summary>
    public int Ceiling { get; }

    /// <param name="value">A positive finite number no larger than <see cref="int.MaxValue"/>.</param>
    public RequiredCount(double value)
    {
        if (!(value > 0) || double.IsPositiveInfinity(value))
            throw new ArgumentOutOfRangeException(nameof(value), value, "value must be a positive finite number");
        // Also the guard for an effect so small that no trial could detect it (a hazard ratio next to 1).
        if (value > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(value), value, $"the formula asks for more than {int.MaxValue}; the effect is too small to size a trial for");
        Value = value;
        Ceiling = (int)Math.Ceiling(value);
    }

    public override string ToString() => $"{Ceiling} ({Value:G6})";
}

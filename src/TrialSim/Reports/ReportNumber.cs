using System.Globalization;

namespace TrialSim.Reports;

/// <summary>How numbers are printed in the report's text and tables (invariant culture), in one
/// place so the paragraph, the tables and the tests that read them back agree.</summary>
public static class ReportNumber
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A probability such as a rejection rate: 3 decimals.</summary>
    public static string Rate(double value) => Finite(value) ? value.ToString("F3", Invariant) : "-";

    /// <summary>A Monte Carlo standard error: 2 significant digits (at least 3 decimals), so 0.0046 and 0.0015 keep their size.</summary>
    public static string Mcse(double value)
    {
        if (!Finite(value)) return "-";
        if (value == 0) return "0.000";
        int decimals = Math.Max(3, 1 - (int)Math.Floor(Math.Log10(Math.Abs(value))));
        return value.ToString("F" + Math.Min(decimals, 12).ToString(Invariant), Invariant);
    }

    /// <summary>A mean count or time: 1 decimal.</summary>
    public static string Mean(double value) => Finite(value) ? value.ToString("F1", Invariant) : "-";

    /// <summary>A model parameter or true value: up to 4 significant digits, no trailing zeros.</summary>
    public static string Value(double value)
    {
        if (!Finite(value)) return "-";
        return value == 0 || Math.Abs(value) >= 1e-3 ? Math.Round(value, 4).ToString("0.####", Invariant) : value.ToString("G4", Invariant);
    }

    /// <summary>A whole number with thousands separators.</summary>
    public static string Count(long value) => value.ToString("N0", Invariant);

    public static string Percent(double fraction) => Finite(fraction) ? (fraction * 100).ToString("0.#", Invariant) + "%" : "-";

    private static bool Finite(double value) => double.IsFinite(value);
}

using ScottPlot;

namespace TrialSim.Reports;

/// <summary>Colours, line widths and axis set-up shared by every figure, so they read as one set.</summary>
internal static class FigureStyle
{
    /// <summary>Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.</summary>
    private static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#D55E00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#E69F00"), Color.FromHex("#56B4E9"), Color.FromHex("#000000"), Color.FromHex("#F0E442"),
    ];

    public static Color Series(int index) => Palette[index % Palette.Length];

    /// <summary>Series colours that avoid <see cref="Efficacy"/> and <see cref="Futility"/>, for plots that show both.</summary>
    private static readonly Color[] NeutralPalette = [Palette[0], Palette[3], Palette[5], Palette[6], Palette[4]];

    public static Color NeutralSeries(int index) => NeutralPalette[index % NeutralPalette.Length];

    public static readonly Color Reference = Color.FromHex("#555555");
    public static readonly Color Efficacy = Color.FromHex("#009E73");
    public static readonly Color Futility = Color.FromHex("#D55E00");

    /// <summary>A new panel with a title and axis labels, legend off until series are added.</summary>
    public static Plot Panel(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title, 15);
        plot.XLabel(xLabel, 13);
        plot.YLabel(yLabel, 13);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        return plot;
    }

    /// <summary>A horizontal reference line with a legend entry.</summary>
    public static void HorizontalReference(Plot plot, double y, string legend, Color color, LinePattern pattern)
    {
        var line = plot.Add.HorizontalLine(y, 1.5f, color, pattern);
        line.LegendText = legend;
    }

    /// <summary>A vertical reference line with a legend entry.</summary>
    public static void VerticalReference(Plot plot, double x, string legend, Color color, LinePattern pattern)
    {
        var line = plot.Add.VerticalLine(x, 1.5f, color, pattern);
        line.LegendText = legend;
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ScottPlot;
using SkiaSharp;

namespace TrialSim.Reports;

/// <summary>
/// A figure built and ready to render: one or more ScottPlot panels laid out in a grid, with a
/// caption for the report. Rendered to PNG (at a scale, for sharp images on high-density screens
/// and in print) or SVG.
/// </summary>
/// <param name="Title">Heading of the figure in the report.</param>
/// <param name="Caption">What the figure shows and how it was made, in plain words.</param>
/// <param name="Panels">The plots, filled row by row.</param>
/// <param name="Width">Width in CSS pixels at scale 1.</param>
/// <param name="PanelHeight">Height of one row of panels in CSS pixels at scale 1.</param>
public sealed partial record Figure(FigureKind Kind, string Title, string Caption, IReadOnlyList<Plot> Panels, int Columns, int Width, int PanelHeight)
{
    public int Rows => (Panels.Count + Columns - 1) / Columns;

    public int Height => Rows * PanelHeight;

    /// <summary>The figure as PNG bytes, <paramref name="scale"/> times <see cref="Width"/> by <see cref="Height"/> pixels.</summary>
    public byte[] ToPng(double scale = 1)
    {
        if (!(scale > 0) || scale > 8) throw new ArgumentOutOfRangeException(nameof(scale), scale, "the scale must be in (0, 8]");
        int panelWidth = (int)Math.Round(Width * scale / Columns), panelHeight = (int)Math.Round(PanelHeight * scale);
        using var surface = SKSurface.Create(new SKImageInfo(panelWidth * Columns, panelHeight * Rows))
            ?? throw new InvalidOperationException("could not create a drawing surface");
        surface.Canvas.Clear(SKColors.White);
        for (int i = 0; i < Panels.Count; i++)
        {
            // A plot clears the whole canvas it renders on, so each panel is drawn on its own surface first.
            using var panel = SKSurface.Create(new SKImageInfo(panelWidth, panelHeight))
                ?? throw new InvalidOperationException("could not create a drawing surface");
            Panels[i].ScaleFactor = scale;
            Panels[i].Render(panel);
            using var image = panel.Snapshot();
            surface.Canvas.DrawImage(image, i % Columns * panelWidth, i / Columns * panelHeight);
        }
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The figure as an SVG document (text is drawn as text, in the viewer's fonts).</summary>
    public string ToSvg()
    {
        int panelWidth = Width / Columns;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"{panelWidth * Columns}\" height=\"{Height}\" viewBox=\"0 0 {panelWidth * Columns} {Height}\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect fill=\"white\" width=\"{panelWidth * Columns}\" height=\"{Height}\"/>\n");
        for (int i = 0; i < Panels.Count; i++)
        {
            Panels[i].ScaleFactor = 1;
            string panel = Panels[i].GetSvgXml(panelWidth, PanelHeight);
            panel = panel[panel.IndexOf("<svg", StringComparison.Ordinal)..];
            // Each panel's clip paths are numbered from the same start: prefix them so ids stay unique in one document.
            panel = IdPattern().Replace(panel, match => $"{match.Groups[1].Value}p{i}_{match.Groups[2].Value}");
            svg.Append(CultureInfo.InvariantCulture, $"<g transform=\"translate({i % Columns * panelWidth},{i / Columns * PanelHeight})\">\n{panel}\n</g>\n");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    [GeneratedRegex("(id=\"|url\\(#|href=\"#)([A-Za-z_][A-Za-z0-9_-]*)")]
    private static partial Regex IdPattern();
}

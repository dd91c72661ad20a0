using System.Net;
using System.Text;

namespace TrialSim.Reports;

/// <summary>An HTML table built row by row; every cell is escaped. Numeric columns align right.</summary>
internal sealed class HtmlTable(string caption, params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public HtmlTable Row(params string[] cells)
    {
        if (cells.Length != headers.Length) throw new ArgumentException($"expected {headers.Length} cells, got {cells.Length}", nameof(cells));
        _rows.Add(cells);
        return this;
    }

    public void WriteTo(StringBuilder html, string? id = null)
    {
        // Wide tables scroll inside their own box instead of widening the page.
        html.Append("<div class=\"table\">");
        html.Append(id is null ? "<table>" : $"<table id=\"{WebUtility.HtmlEncode(id)}\">");
        html.Append("<caption>").Append(WebUtility.HtmlEncode(caption)).Append("</caption>\n<thead><tr>");
        foreach (string header in headers) html.Append("<th>").Append(WebUtility.HtmlEncode(header)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in _rows)
        {
            html.Append("<tr>");
            foreach (string cell in row)
                html.Append(LooksNumeric(cell) ? "<td class=\"n\">" : "<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody></table></div>\n");
    }

    /// <summary>A number, possibly with an error in brackets or a range ("0.699 (0.010)", "19.0 (15.4-25.8)", "2,000").</summary>
    private static bool LooksNumeric(string cell) => cell.Any(char.IsDigit) && cell.All(c => char.IsDigit(c) || ".,-+()% E".Contains(c));
}

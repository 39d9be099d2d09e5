using System.Text;
using Modelport.Core.Lifecycle;

namespace Modelport.Server.Hosting;

/// <summary>The model / version / status table Triton prints at start, built from the repository index.</summary>
internal static class ModelStatusTable
{
    public static string Format(IReadOnlyList<ModelVersionStatus> rows)
    {
        string[] headers = ["Model", "Version", "Status"];
        var cells = rows.Select(row => new[]
        {
            row.Name,
            row.Version,
            row.Reason.Length == 0 ? row.State.WireName() : $"{row.State.WireName()}: {row.Reason}",
        }).ToList();
        var widths = headers.Select((header, column) => cells.Select(cell => cell[column].Length).Append(header.Length).Max()).ToArray();
        var rule = "+" + string.Join("+", widths.Select(width => new string('-', width + 2))) + "+";
        var text = new StringBuilder().AppendLine().AppendLine(rule).AppendLine(Line(headers, widths)).AppendLine(rule);
        cells.ForEach(cell => text.AppendLine(Line(cell, widths)));
        return text.Append(rule).ToString();
    }

    private static string Line(string[] cells, int[] widths) =>
        "| " + string.Join(" | ", cells.Select((cell, column) => cell.PadRight(widths[column]))) + " |";
}

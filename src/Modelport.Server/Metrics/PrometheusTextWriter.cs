using System.Globalization;
using System.Text;

namespace Modelport.Server.Metrics;

/// <summary>
/// Writes the Prometheus text exposition format (version 0.0.4): a HELP and a TYPE line per family, then its samples,
/// with HELP text and label values escaped as the format requires.
/// </summary>
internal sealed class PrometheusTextWriter(StringBuilder text)
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public void Family(string name, string type, string? help)
    {
        text.Append("# HELP ").Append(name).Append(' ');
        Escape(help ?? string.Empty, quotes: false);
        text.Append('\n').Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
    }

    /// <summary>One sample: the name, the labels (the extra one last, as a histogram's <c>le</c>) and the value.</summary>
    public void Sample(string name, IReadOnlyList<KeyValuePair<string, string>> labels, double value, KeyValuePair<string, string>? extra = null)
    {
        text.Append(name);
        if (labels.Count > 0 || extra is not null)
        {
            text.Append('{');
            var first = true;
            foreach (var label in extra is { } last ? labels.Append(last) : labels)
            {
                if (!first)
                {
                    text.Append(',');
                }

                first = false;
                text.Append(label.Key).Append("=\"");
                Escape(label.Value, quotes: true);
                text.Append('"');
            }

            text.Append('}');
        }

        text.Append(' ').Append(Number(value)).Append('\n');
    }

    /// <summary>A value as the format spells it: Go's float syntax, with +Inf, -Inf and NaN.</summary>
    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private void Escape(string value, bool quotes)
    {
        foreach (var character in value)
        {
            switch (character)
            {
                case '\\':
                    text.Append(@"\\");
                    break;
                case '\n':
                    text.Append(@"\n");
                    break;
                case '"' when quotes:
                    text.Append("\\\"");
                    break;
                default:
                    text.Append(character);
                    break;
            }
        }
    }
}

using System.Globalization;

namespace Modelport.Cli.Perf;

/// <summary>A range of load levels, <c>start[:end[:step]]</c> as perf_analyzer writes it: the levels start, start + step, ... up to end.</summary>
internal sealed record LoadRange(double Start, double End, double Step)
{
    public IEnumerable<double> Levels()
    {
        // Counted rather than accumulated, so 0.1-steps of a rate do not drift past the end.
        var count = (long)Math.Floor(((End - Start) / Step) + 1e-9);
        for (var i = 0L; i <= count; i++)
        {
            yield return Start + (i * Step);
        }
    }

    /// <summary>Reads a range; <paramref name="wholeNumbers"/> for concurrency, where a fraction means nothing.</summary>
    public static LoadRange? Parse(string text, string option, bool wholeNumbers, out string? error)
    {
        var parts = text.Split(':');
        var values = new double[3];
        if (parts.Length > 3)
        {
            error = $"{option} takes start[:end[:step]], not '{text}'";
            return null;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            var style = wholeNumbers ? NumberStyles.None : NumberStyles.AllowDecimalPoint;
            if (!double.TryParse(parts[i], style, CultureInfo.InvariantCulture, out values[i]) || values[i] <= 0)
            {
                var kind = wholeNumbers ? "a whole number" : "a number";
                error = $"{option} takes start[:end[:step]] with each {kind} above 0; '{parts[i]}' in '{text}' is not";
                return null;
            }
        }

        // perf_analyzer's defaults: the end is the start, the step is 1.
        var range = new LoadRange(values[0], parts.Length > 1 ? values[1] : values[0], parts.Length > 2 ? values[2] : 1);
        if (range.End < range.Start)
        {
            error = $"{option} '{text}' ends below its start";
            return null;
        }

        error = null;
        return range;
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Modelport.Server.Tests.Metrics;

/// <summary>
/// A strict reader of the Prometheus text format (0.0.4) for tests: it throws on anything a Prometheus server would
/// reject, such as a sample before its family's TYPE line, a bad name or an unknown escape in a label value.
/// </summary>
internal sealed partial class PrometheusExposition
{
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);
    private readonly HashSet<string> _helped = new(StringComparer.Ordinal);

    private PrometheusExposition()
    {
    }

    public List<Sample> Samples { get; } = [];

    public IReadOnlyDictionary<string, string> Types => _types;

    public static PrometheusExposition Parse(string text)
    {
        var exposition = new PrometheusExposition();
        foreach (var line in text.Split('\n'))
        {
            exposition.ReadLine(line);
        }

        return exposition;
    }

    /// <summary>The value of the one sample with exactly these labels.</summary>
    public double Value(string name, params (string Name, string Value)[] labels) =>
        Samples.Single(sample => sample.Name == name && sample.Labels.Count == labels.Length
            && labels.All(label => sample.Labels.TryGetValue(label.Name, out var value) && value == label.Value)).Value;

    /// <summary>The samples of a name whose labels include these.</summary>
    public IReadOnlyList<Sample> Where(string name, params (string Name, string Value)[] labels) =>
        [.. Samples.Where(sample => sample.Name == name && labels.All(label => sample.Labels.TryGetValue(label.Name, out var value) && value == label.Value))];

    private void ReadLine(string line)
    {
        if (line.Length == 0)
        {
            return;
        }

        if (line.StartsWith('#'))
        {
            var parts = line.Split(' ', 4);
            if (parts.Length >= 3 && parts[1] == "HELP")
            {
                Assert.Matches(MetricName(), parts[2]);
                Assert.True(_helped.Add(parts[2]), $"a second HELP line for {parts[2]}");
            }
            else if (parts.Length == 4 && parts[1] == "TYPE")
            {
                Assert.Matches(MetricName(), parts[2]);
                Assert.Contains(parts[3], new[] { "counter", "gauge", "histogram", "summary", "untyped" });
                Assert.True(_types.TryAdd(parts[2], parts[3]), $"a second TYPE line for {parts[2]}");
            }

            return;
        }

        var sample = ReadSample(line);
        Assert.True(_types.ContainsKey(sample.Family(_types)), $"the sample '{line}' comes before its family's TYPE line");
        Assert.Contains(sample.Family(_types), _helped);
        Samples.Add(sample);
    }

    private static Sample ReadSample(string line)
    {
        var nameEnd = line.IndexOfAny(['{', ' ']);
        var name = line[..nameEnd];
        Assert.Matches(MetricName(), name);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var position = nameEnd;
        if (line[position] == '{')
        {
            position++;
            while (line[position] != '}')
            {
                var equals = line.IndexOf('=', position);
                var label = line[position..equals];
                Assert.Matches(LabelName(), label);
                Assert.Equal('"', line[equals + 1]);
                var (value, end) = ReadQuoted(line, equals + 2);
                Assert.True(labels.TryAdd(label, value), $"label {label} twice in '{line}'");
                position = end;
                if (line[position] == ',')
                {
                    position++;
                }
            }

            position++;
        }

        Assert.Equal(' ', line[position]);
        var text = line[(position + 1)..];
        var number = text switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
        return new Sample(name, labels, number);
    }

    /// <summary>Reads a label value after its opening quote; returns it unescaped and the position after the closing quote.</summary>
    private static (string Value, int End) ReadQuoted(string line, int start)
    {
        var value = new StringBuilder();
        for (var index = start; index < line.Length; index++)
        {
            switch (line[index])
            {
                case '"':
                    return (value.ToString(), index + 1);
                case '\\':
                    index++;
                    value.Append(line[index] switch
                    {
                        '\\' => '\\',
                        '"' => '"',
                        'n' => '\n',
                        var other => throw new FormatException($"unknown escape \\{other} in '{line}'"),
                    });
                    break;
                default:
                    value.Append(line[index]);
                    break;
            }
        }

        throw new FormatException($"unterminated label value in '{line}'");
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelName();

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
    {
        /// <summary>The family a sample belongs to: a histogram's _bucket, _sum and _count belong to the histogram.</summary>
        public string Family(IReadOnlyDictionary<string, string> types)
        {
            foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
            {
                if (Name.EndsWith(suffix, StringComparison.Ordinal) && types.TryGetValue(Name[..^suffix.Length], out var type) && type == "histogram")
                {
                    return Name[..^suffix.Length];
                }
            }

            return Name;
        }
    }
}

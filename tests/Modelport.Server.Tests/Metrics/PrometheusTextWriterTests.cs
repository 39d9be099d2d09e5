using System.Text;
using Modelport.Server.Metrics;

namespace Modelport.Server.Tests.Metrics;

public sealed class PrometheusTextWriterTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("quote \" backslash \\ newline \n end")]
    [InlineData("\\n is not a newline")]
    public void Label_values_and_help_text_are_escaped_and_read_back_unchanged(string value)
    {
        var text = new StringBuilder();
        var writer = new PrometheusTextWriter(text);

        writer.Family("modelport_test", "gauge", "help with \\ and \n");
        writer.Sample("modelport_test", [new("model", value)], 1.5);

        var parsed = PrometheusExposition.Parse(text.ToString());
        var sample = Assert.Single(parsed.Samples);
        Assert.Equal(value, sample.Labels["model"]);
        Assert.Equal(1.5, sample.Value);
        Assert.StartsWith("# HELP modelport_test help with \\\\ and \\n\n", text.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(0.1, "0.1")]
    [InlineData(12345678901d, "12345678901")]
    public void Numbers_are_written_as_Prometheus_reads_them(double value, string expected) =>
        Assert.Equal(expected, PrometheusTextWriter.Number(value));
}

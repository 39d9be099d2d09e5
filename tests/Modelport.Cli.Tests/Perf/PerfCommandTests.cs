using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Modelport.Cli.Perf;
using Modelport.Cli.Tests.Serve;

namespace Modelport.Cli.Tests.Perf;

public sealed partial class PerfCommandTests(SampleServer server) : IClassFixture<SampleServer>, IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("modelport-perf-");

    public static TheoryData<string, string[]> Transports => new()
    {
        { "http json", ["-i", "http"] },
        { "http binary", ["-i", "http", "--binary"] },
        { "grpc", ["-i", "grpc"] },
        { "grpc streaming", ["-i", "grpc", "--streaming", "--concurrency-range", "1:2"] },
        { "http system shared memory", ["-i", "http", "--binary", "--shared-memory", "system", "-b", "2"] },
        { "grpc system shared memory", ["-i", "grpc", "--shared-memory", "system"] },
        { "http request rate", ["-i", "http", "--request-rate-range", "50", "--request-distribution", "poisson", "--async"] },
    };

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Perf_measures_simple_and_writes_both_reports(string transport, string[] flags)
    {
        var url = flags.Contains("grpc") ? server.Host.GrpcUrl : server.Host.HttpUrl;
        var csv = Path.Combine(_folder.FullName, "perf.csv");
        var json = Path.Combine(_folder.FullName, "perf.json");
        using var modelport = ModelportProcess.Start(
            ["perf", "-m", "simple", "-u", url.Authority, "--measurement-interval", "300", "--max-trials", "3", "-f", csv, "--json", json, .. flags]);

        var exitCode = await modelport.WaitForExitAsync(RunTimeout);

        Assert.True(exitCode == 0, $"{transport}: exit code {exitCode}\n{modelport.Output}");
        var counts = RequestCount().Matches(modelport.Output).Select(match => long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
        Assert.NotEmpty(counts);
        Assert.All(counts, count => Assert.True(count > 0, modelport.Output));
        Assert.DoesNotContain("Errors:", modelport.Output, StringComparison.Ordinal);

        var lines = await File.ReadAllLinesAsync(csv);
        var mode = flags.Contains("--request-rate-range") ? "Request Rate" : "Concurrency";
        Assert.Equal(string.Join(',', [mode, .. CsvReport.Columns]), lines[0]);
        Assert.Equal(counts.Length, lines.Length - 1);
        Assert.All(lines.Skip(1), line => Assert.Equal(CsvReport.Columns.Length + 1, line.Split(',').Length));

        using var report = JsonDocument.Parse(await File.ReadAllBytesAsync(json));
        var results = report.RootElement.GetProperty("results").EnumerateArray().ToArray();
        Assert.Equal(counts.Length, results.Length);
        Assert.All(results, result =>
        {
            Assert.True(result.GetProperty("request_count").GetInt64() > 0);
            Assert.Equal(0, result.GetProperty("error_count").GetInt64());
            Assert.True(result.GetProperty("throughput_infer_per_sec").GetDouble() > 0);
            foreach (var latency in new[] { "avg", "p50", "p90", "p95", "p99" })
            {
                Assert.True(result.GetProperty("latency_us").GetProperty(latency).GetDouble() > 0, latency);
            }
        });
    }

    [Fact]
    public async Task An_unknown_model_stops_with_the_servers_message()
    {
        using var modelport = ModelportProcess.Start("perf", "-m", "no_such_model", "-u", server.Host.HttpUrl.Authority, "-p", "100");

        var exitCode = await modelport.WaitForExitAsync(RunTimeout);

        Assert.Equal(1, exitCode);
        Assert.Contains("no_such_model", modelport.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_arguments_stop_with_exit_code_2()
    {
        using var modelport = ModelportProcess.Start("perf", "-m", "simple", "-i", "udp");

        Assert.Equal(2, await modelport.WaitForExitAsync(RunTimeout));
        Assert.Contains("error: -i takes http or grpc, not 'udp'", modelport.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    [GeneratedRegex(@"Request count: (\d+)")]
    private static partial Regex RequestCount();
}

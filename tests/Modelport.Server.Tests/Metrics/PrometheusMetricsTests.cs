using System.Net;
using Modelport.Core.Diagnostics;
using Modelport.Server.Tests.TestSupport;
using Modelport.Server.Tests.TestSupport.Clients;

namespace Modelport.Server.Tests.Metrics;

/// <summary><c>/metrics</c> seen from a Prometheus server: Triton's names and labels, values that agree with the requests sent.</summary>
public sealed class PrometheusMetricsTests(MetricsServerFixture fixture) : IClassFixture<MetricsServerFixture>
{
    private const string RequestHistogram = "nv_inference_first_response_histogram_ms";
    private const string QueueHistogram = "nv_inference_queue_histogram_ms";

    public static TheoryData<Transport> Transports => TestSupport.Clients.Transports.All;

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Metrics_agree_with_the_requests_sent(Transport transport)
    {
        var counted = MetricsServerFixture.Model(MetricsServerFixture.Counted, transport);
        var waiting = MetricsServerFixture.Model(MetricsServerFixture.Waiting, transport);
        var client = fixture.Server.ClientFor(transport);
        const int Successes = 6;
        const int BadRequests = 2;
        for (var value = 0; value < Successes / 2; value++)
        {
            await client.InferAsync(Scale(counted, value));
        }

        await Task.WhenAll(Enumerable.Range(0, Successes / 2).Select(value => client.InferAsync(Scale(counted, value))));
        for (var bad = 0; bad < BadRequests; bad++)
        {
            await Assert.ThrowsAsync<ApiException>(() => client.InferAsync(new InferCall(counted, [Tensor.Fp32("X", [1, 3], 1, 2, 3)])));
        }

        await Assert.ThrowsAsync<ApiException>(
            () => client.InferAsync(Scale(waiting, 1) with { Parameters = new Dictionary<string, object> { ["timeout"] = 50_000L } }));

        var metrics = await ScrapeAsync(fixture.Server);

        (string, string)[] version1 = [("model", counted), ("version", "1")];
        Assert.Equal(Successes, metrics.Value("nv_inference_request_success", version1));
        Assert.Equal(BadRequests, metrics.Value("nv_inference_request_failure", [.. version1, ("reason", "OTHER")]));
        Assert.Equal(0, metrics.Value("nv_inference_request_failure", [.. version1, ("reason", "REJECTED")]));
        Assert.Equal(0, metrics.Value("nv_inference_request_failure", [.. version1, ("reason", "CANCELED")]));
        Assert.Equal(0, metrics.Value("nv_inference_request_failure", [.. version1, ("reason", "BACKEND")]));
        Assert.Equal(1, metrics.Value("nv_inference_request_failure", ("model", waiting), ("version", "1"), ("reason", "REJECTED")));
        Assert.Equal(Successes, metrics.Value("nv_inference_count", version1));
        Assert.InRange(metrics.Value("nv_inference_exec_count", version1), 1, Successes);
        Assert.Equal(0, metrics.Value("nv_inference_pending_request_count", version1));
        Assert.True(metrics.Value("nv_inference_request_duration_us", version1) >= metrics.Value("nv_inference_compute_infer_duration_us", version1));
        foreach (var duration in new[] { "queue", "compute_input", "compute_infer", "compute_output" })
        {
            Assert.True(metrics.Value($"nv_inference_{duration}_duration_us", version1) >= 0);
        }

        Assert.True(metrics.Value("nv_model_load_duration_secs", version1) > 0);
        AssertHistogram(metrics, RequestHistogram, version1, Successes);
        AssertHistogram(metrics, QueueHistogram, version1, Successes);
    }

    [Fact]
    public async Task Every_family_has_Triton_s_type_and_the_host_gauges_are_sane()
    {
        await fixture.Server.ClientFor(Transport.Rest).InferAsync(Scale(MetricsServerFixture.Model(MetricsServerFixture.Typed, Transport.Rest), 1));

        var metrics = await ScrapeAsync(fixture.Server);

        foreach (var counter in new[]
        {
            "nv_inference_request_success", "nv_inference_request_failure", "nv_inference_count", "nv_inference_exec_count",
            "nv_inference_request_duration_us", "nv_inference_queue_duration_us", "nv_inference_compute_input_duration_us",
            "nv_inference_compute_infer_duration_us", "nv_inference_compute_output_duration_us",
        })
        {
            Assert.Equal("counter", metrics.Types[counter]);
        }

        foreach (var gauge in new[]
        {
            "nv_inference_pending_request_count", "nv_model_load_duration_secs", "nv_cpu_utilization", "nv_cpu_memory_total_bytes", "nv_cpu_memory_used_bytes",
        })
        {
            Assert.Equal("gauge", metrics.Types[gauge]);
        }

        Assert.Equal("histogram", metrics.Types[RequestHistogram]);
        Assert.InRange(metrics.Value("nv_cpu_utilization"), 0, 1);
        Assert.InRange(metrics.Value("nv_cpu_memory_used_bytes"), 1, metrics.Value("nv_cpu_memory_total_bytes"));
    }

    [Fact]
    public async Task The_pending_gauge_counts_the_requests_waiting_in_the_queue()
    {
        var model = MetricsServerFixture.Model(MetricsServerFixture.Pending, Transport.Rest);
        var client = fixture.Server.ClientFor(Transport.Rest);
        var waiting = Enumerable.Range(0, 2).Select(value => client.InferAsync(Scale(model, value))).ToList();
        (string, string)[] version1 = [("model", model), ("version", "1")];

        await fixture.Server.WaitUntilAsync(() => Scrape(fixture.Server).Value("nv_inference_pending_request_count", version1) == 2, timeoutSeconds: 10);
        await Task.WhenAll(waiting);

        Assert.Equal(0, (await ScrapeAsync(fixture.Server)).Value("nv_inference_pending_request_count", version1));
    }

    [Fact]
    public async Task With_a_metrics_port_metrics_answer_only_there_with_the_configured_buckets()
    {
        using var repository = new TempRepository().WriteModel("scale", 1, TestModels.Scale(2));
        await using var server = await TestServer.StartAsync(
            new() { RepositoryPaths = [repository.Path] },
            configure: options => options with { MetricsPort = 0, Metrics = new ModelportMetricsOptions { HistogramBucketsMs = [0.000001, 1e9] } });
        await server.ClientFor(Transport.Rest).InferAsync(Scale("scale", 1));
        using var metricsPort = new HttpClient { BaseAddress = server.MetricsUrl };

        var metrics = await ScrapeAsync(server);

        Assert.NotEqual(server.Client.BaseAddress, server.MetricsUrl);
        Assert.Equal(HttpStatusCode.NotFound, await server.StatusOfAsync("/metrics"));
        Assert.Equal(HttpStatusCode.NotFound, (await metricsPort.GetAsync("/v2/health/live")).StatusCode);
        (string, string)[] version1 = [("model", "scale"), ("version", "1")];
        Assert.Equal(0, metrics.Value(RequestHistogram + "_bucket", [.. version1, ("le", "1E-06")]));
        Assert.Equal(1, metrics.Value(RequestHistogram + "_bucket", [.. version1, ("le", "1000000000")]));
        Assert.Equal(1, metrics.Value(RequestHistogram + "_bucket", [.. version1, ("le", "+Inf")]));
    }

    [Fact]
    public async Task With_metrics_disallowed_there_is_no_metrics_endpoint()
    {
        using var repository = new TempRepository().WriteModel("scale", 1, TestModels.Scale(2));
        await using var server = await TestServer.StartAsync(new() { RepositoryPaths = [repository.Path] }, configure: options => options with { AllowMetrics = false });

        await server.ClientFor(Transport.Rest).InferAsync(Scale("scale", 1));

        Assert.Equal(HttpStatusCode.NotFound, await server.StatusOfAsync("/metrics"));
    }

    private static void AssertHistogram(PrometheusExposition metrics, string name, (string, string)[] labels, long count)
    {
        var buckets = metrics.Where(name + "_bucket", labels);
        Assert.True(buckets.Count >= 2, $"{name} has {buckets.Count} buckets");
        Assert.Equal("+Inf", buckets[^1].Labels["le"]);
        for (var index = 1; index < buckets.Count; index++)
        {
            Assert.True(Bound(buckets[index - 1]) < Bound(buckets[index]), $"{name}: bucket bounds must rise");
            Assert.True(buckets[index - 1].Value <= buckets[index].Value, $"{name}: cumulative bucket counts must not fall");
        }

        Assert.Equal(count, metrics.Value(name + "_count", labels));
        Assert.Equal(count, buckets[^1].Value);
        Assert.True(metrics.Value(name + "_sum", labels) >= 0);
    }

    private static double Bound(PrometheusExposition.Sample bucket) =>
        bucket.Labels["le"] == "+Inf" ? double.PositiveInfinity : double.Parse(bucket.Labels["le"], System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<PrometheusExposition> ScrapeAsync(TestServer server)
    {
        using var client = new HttpClient { BaseAddress = server.MetricsUrl };
        using var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return PrometheusExposition.Parse(await response.Content.ReadAsStringAsync());
    }

    private static PrometheusExposition Scrape(TestServer server) => ScrapeAsync(server).GetAwaiter().GetResult();

    private static InferCall Scale(string model, int value) => new(model, [Tensor.Fp32("X", [1, 4], value, value, value, value)]);
}

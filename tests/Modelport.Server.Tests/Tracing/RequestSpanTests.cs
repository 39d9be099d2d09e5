using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Modelport.Core.Diagnostics;
using Modelport.Server.Hosting;
using Modelport.Server.Tests.TestSupport;
using Modelport.Server.Tests.TestSupport.Clients;
using Modelport.Server.Tracing;
using OpenTelemetry.Exporter;

namespace Modelport.Server.Tests.Tracing;

[Collection(TracingCollection.Name)]
public sealed class RequestSpanTests
{
    private const string ClientTraceId = "0af7651916cd43dd8448eb211c80319c";
    private const string ClientSpanId = "b7ad6b7169203331";
    private const string TraceParent = $"00-{ClientTraceId}-{ClientSpanId}-01";

    public static TheoryData<Transport> Transports => TestSupport.Clients.Transports.All;

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_request_span_continues_the_clients_trace_with_queue_batch_and_execute_below_it(Transport transport)
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ModelportTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var repository = BatchingRepository("traced");
        await using var server = await TestServer.StartAsync(repository.Path);

        await InferAsync(server, transport, new InferCall("traced", [Tensor.Fp32("X", [1, 4], 1, 2, 3, 4)]) { Id = "request-7" }, TraceParent);
        await server.WaitUntilAsync(() => stopped.Any(span => span.OperationName == "batch traced"), timeoutSeconds: 10);

        var spans = stopped.ToList();
        var request = Assert.Single(spans, span => span.OperationName == "infer traced");
        Assert.Equal(ClientTraceId, request.TraceId.ToHexString());
        Assert.Equal(ClientSpanId, request.ParentSpanId.ToHexString());
        Assert.Equal(ActivityKind.Server, request.Kind);
        Assert.Equal("traced", request.GetTagItem("modelport.model"));
        Assert.Equal("1", request.GetTagItem("modelport.version"));
        Assert.Equal("request-7", request.GetTagItem("modelport.request_id"));
        Assert.Equal(transport == Transport.Rest ? InferenceTracing.KServeRest : InferenceTracing.KServeGrpc, request.GetTagItem("modelport.protocol"));
        var queue = Assert.Single(spans, span => span.OperationName == "queue traced");
        Assert.Equal(request.SpanId, queue.ParentSpanId);
        var batch = Assert.Single(spans, span => span.OperationName == "batch traced");
        Assert.Equal(request.SpanId, batch.ParentSpanId);
        Assert.Contains(batch.Links, link => link.Context.SpanId == request.SpanId && link.Context.TraceId == request.TraceId);
        var execute = Assert.Single(spans, span => span.OperationName == "execute traced");
        Assert.Equal(batch.SpanId, execute.ParentSpanId);
        Assert.All([queue, batch, execute], span => Assert.Equal(request.TraceId, span.TraceId));
    }

    [Fact]
    public async Task A_batch_of_several_requests_links_every_request_it_carries()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ModelportTracing.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var repository = new TempRepository().WriteModel("gathered", 1, TestModels.Scale(2))
            .WriteFile("gathered/config.pbtxt", "name: \"gathered\"\nmax_batch_size: 8\ndynamic_batching { preferred_batch_size: 4 max_queue_delay_microseconds: 60000000 }");
        await using var server = await TestServer.StartAsync(repository.Path);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(value =>
            InferAsync(server, Transport.Rest, new InferCall("gathered", [Tensor.Fp32("X", [1, 4], value, value, value, value)]), TraceParent)));
        await server.WaitUntilAsync(() => stopped.Any(span => span.OperationName == "batch gathered"), timeoutSeconds: 10);

        var requests = stopped.Where(span => span.OperationName == "infer gathered").ToList();
        var batch = Assert.Single(stopped, span => span.OperationName == "batch gathered");
        Assert.Equal(4, requests.Count);
        Assert.Equal(4L, batch.GetTagItem("modelport.batch.size"));
        Assert.Equal(requests.Select(span => span.SpanId.ToHexString()).Order(), batch.Links.Select(link => link.Context.SpanId.ToHexString()).Order());
    }

    [Fact]
    public async Task With_no_listener_no_span_is_created()
    {
        var created = 0;
        void Count(object? sender, ActivityChangedEventArgs change)
        {
            if (change.Current?.Source.Name == ModelportTracing.SourceName || change.Previous?.Source.Name == ModelportTracing.SourceName)
            {
                Interlocked.Increment(ref created);
            }
        }

        using var repository = BatchingRepository("untraced");
        await using var server = await TestServer.StartAsync(repository.Path);
        Activity.CurrentChanged += Count;
        try
        {
            foreach (var transport in Enum.GetValues<Transport>())
            {
                await InferAsync(server, transport, new InferCall("untraced", [Tensor.Fp32("X", [1, 4], 1, 2, 3, 4)]), TraceParent);
            }
        }
        finally
        {
            Activity.CurrentChanged -= Count;
        }

        Assert.False(ModelportTracing.Source.HasListeners());
        Assert.Equal(0, created);
    }

    [Fact]
    public async Task Spans_are_exported_over_OTLP_to_the_configured_collector()
    {
        var received = new ConcurrentQueue<byte[]>();
        await using var collector = await FakeCollectorAsync(received);
        using var repository = BatchingRepository("exported");
        var endpoint = new Uri(collector.ListeningUrls()[0], "/v1/traces");
        var server = await TestServer.StartAsync(
            new() { RepositoryPaths = [repository.Path] },
            configure: options => options with { TraceOtlpEndpoint = endpoint, TraceOtlpProtocol = OtlpExportProtocol.HttpProtobuf });

        await InferAsync(server, Transport.Rest, new InferCall("exported", [Tensor.Fp32("X", [1, 4], 1, 2, 3, 4)]), TraceParent);
        // Stopping the server flushes the spans it still holds.
        await server.DisposeAsync();

        var exported = string.Join('\n', received.Select(Encoding.UTF8.GetString));
        Assert.Contains("infer exported", exported, StringComparison.Ordinal);
        Assert.Contains("execute exported", exported, StringComparison.Ordinal);
    }

    private static TempRepository BatchingRepository(string model) =>
        new TempRepository().WriteModel(model, 1, TestModels.Scale(2)).WriteFile($"{model}/config.pbtxt", $"name: \"{model}\"\nmax_batch_size: 8\ndynamic_batching {{ }}");

    private static async Task InferAsync(TestServer server, Transport transport, InferCall call, string traceparent)
    {
        if (transport == Transport.Grpc)
        {
            await server.Grpc.ModelInferAsync(GrpcInferenceClient.Request(call), new Metadata { { "traceparent", traceparent } });
            return;
        }

        var body = $$"""{"id":"{{call.Id}}","inputs":[{"name":"X","datatype":"FP32","shape":[1,4],"data":[{{string.Join(',', call.Inputs[0].AsFp32s())}}]}]}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v2/models/{call.Model}/infer") { Content = new StringContent(body) };
        request.Headers.Add("traceparent", traceparent);
        using var response = await server.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>An OTLP/HTTP collector that keeps the bodies it receives.</summary>
    private static async Task<WebApplication> FakeCollectorAsync(ConcurrentQueue<byte[]> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            received.Enqueue(body.ToArray());
            return Results.Ok();
        });
        await app.StartAsync();
        return app;
    }
}

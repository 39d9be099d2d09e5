using System.Net;
using Modelport.Cli.Perf;
using Modelport.Client;

namespace Modelport.Cli.Tests.Perf;

public sealed class ServerDeltaTests
{
    /// <summary>
    /// Two readings in the shape of Triton's statistics extension ($stats_model_response). Between them, 10 requests of
    /// version 1 split as Triton's quick start reports `simple`: 381 µs = overhead 41 + queue 41 + compute input 26 +
    /// compute infer 257 + compute output 16. Version 2 and another model change too, and must be left out.
    /// </summary>
    private const string Before = """
        {"model_stats":[
          {"name":"simple","version":"1","last_inference":1700000000000,"inference_count":20,"execution_count":18,
           "inference_stats":{"success":{"count":20,"ns":8000000},"fail":{"count":0,"ns":0},"queue":{"count":20,"ns":900000},
             "compute_input":{"count":20,"ns":500000},"compute_infer":{"count":20,"ns":5000000},"compute_output":{"count":20,"ns":300000},
             "cache_hit":{"count":0,"ns":0},"cache_miss":{"count":0,"ns":0}},
           "batch_stats":[{"batch_size":1,"compute_input":{"count":18,"ns":500000},"compute_infer":{"count":18,"ns":5000000},"compute_output":{"count":18,"ns":300000}}]},
          {"name":"simple","version":"2","inference_count":5,"execution_count":5,
           "inference_stats":{"success":{"count":5,"ns":1000000},"queue":{"count":5,"ns":100}}},
          {"name":"other","version":"1","inference_count":7,"execution_count":7,
           "inference_stats":{"success":{"count":7,"ns":7000000}}}
        ]}
        """;

    private const string After = """
        {"model_stats":[
          {"name":"simple","version":"1","last_inference":1700000001000,"inference_count":32,"execution_count":28,
           "inference_stats":{"success":{"count":30,"ns":11810000},"fail":{"count":1,"ns":1000},"queue":{"count":30,"ns":1310000},
             "compute_input":{"count":30,"ns":760000},"compute_infer":{"count":30,"ns":7570000},"compute_output":{"count":30,"ns":460000},
             "cache_hit":{"count":0,"ns":0},"cache_miss":{"count":0,"ns":0}},
           "batch_stats":[{"batch_size":1,"compute_input":{"count":28,"ns":760000},"compute_infer":{"count":28,"ns":7570000},"compute_output":{"count":28,"ns":460000}}]},
          {"name":"simple","version":"2","inference_count":9,"execution_count":9,
           "inference_stats":{"success":{"count":9,"ns":9000000},"queue":{"count":9,"ns":900}}},
          {"name":"other","version":"1","inference_count":70,"execution_count":70,
           "inference_stats":{"success":{"count":70,"ns":70000000}}}
        ]}
        """;

    [Fact]
    public async Task The_delta_of_one_version_splits_its_request_time_as_Triton_reports_it()
    {
        var (before, after) = await ReadAsync();

        var delta = ServerDelta.Between(before, after, "simple", "1");

        Assert.Equal(12, delta.InferenceCount);
        Assert.Equal(10, delta.ExecutionCount);
        Assert.Equal(new StatisticDuration(10, 3810000), delta.Success);
        Assert.Equal(381, delta.RequestMicroseconds, 6);
        Assert.Equal(41, delta.QueueMicroseconds, 6);
        Assert.Equal(26, delta.ComputeInputMicroseconds, 6);
        Assert.Equal(257, delta.ComputeInferMicroseconds, 6);
        Assert.Equal(16, delta.ComputeOutputMicroseconds, 6);
        Assert.Equal(41, delta.OverheadMicroseconds, 6);
    }

    [Fact]
    public async Task Without_a_version_every_version_of_the_model_counts()
    {
        var (before, after) = await ReadAsync();

        var delta = ServerDelta.Between(before, after, "simple", version: null);

        Assert.Equal(16, delta.InferenceCount);
        Assert.Equal(new StatisticDuration(14, 3810000 + 8000000), delta.Success);
        Assert.Equal(new StatisticDuration(14, 410000 + 800), delta.Queue);
    }

    [Fact]
    public void Windows_add_up_before_averaging()
    {
        var one = ServerDelta.Zero with { Success = new(1, 1000), Queue = new(1, 100) };
        var three = ServerDelta.Zero with { Success = new(3, 9000), Queue = new(3, 300) };

        var merged = one.Plus(three);

        Assert.Equal(2.5, merged.RequestMicroseconds, 6);
        Assert.Equal(0.1, merged.QueueMicroseconds, 6);
        Assert.Equal(2.4, merged.OverheadMicroseconds, 6);
    }

    [Fact]
    public void Overhead_is_never_negative_when_readings_straddle_a_request()
    {
        var delta = ServerDelta.Zero with { Success = new(1, 1000), ComputeInfer = new(2, 4000) };

        Assert.Equal(0, delta.OverheadMicroseconds);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.NotImplemented)]
    public async Task A_server_without_statistics_is_noted_once_and_not_asked_again(HttpStatusCode status)
    {
        using var client = new ModelportHttpClient(new HttpClient(new StubHandler((status, """{"error":"no statistics here"}"""), (HttpStatusCode.OK, After)))
        {
            BaseAddress = new Uri("http://stats.test:8000"),
        });
        var statistics = new ServerStatistics(client, "simple", null);

        Assert.Null(await statistics.ReadAsync(CancellationToken.None));
        Assert.Null(await statistics.ReadAsync(CancellationToken.None));
        Assert.False(statistics.Available);
        Assert.Equal("no statistics here", statistics.Unavailable);
    }

    private static async Task<(IReadOnlyList<ModelStatistics> Before, IReadOnlyList<ModelStatistics> After)> ReadAsync()
    {
        using var client = new ModelportHttpClient(new HttpClient(new StubHandler((HttpStatusCode.OK, Before), (HttpStatusCode.OK, After)))
        {
            BaseAddress = new Uri("http://stats.test:8000"),
        });
        var statistics = new ServerStatistics(client, "simple", null);
        return ((await statistics.ReadAsync(CancellationToken.None))!, (await statistics.ReadAsync(CancellationToken.None))!);
    }
}

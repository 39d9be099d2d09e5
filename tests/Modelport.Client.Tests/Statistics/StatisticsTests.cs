using System.Net;
using Modelport.Client.Grpc;
using Wire = Modelport.Protocol.Grpc;

namespace Modelport.Client.Tests.Statistics;

public sealed class StatisticsTests
{
    /// <summary>An answer in the shape of Triton's statistics extension ($stats_model_response), with every field it documents.</summary>
    private const string TritonAnswer = """
        {
          "model_stats": [
            {
              "name": "simple",
              "version": "1",
              "last_inference": 1700000000123,
              "inference_count": 12,
              "execution_count": 10,
              "inference_stats": {
                "success": { "count": 10, "ns": 3820000 },
                "fail": { "count": 1, "ns": 5000 },
                "queue": { "count": 10, "ns": 410000 },
                "compute_input": { "count": 10, "ns": 260000 },
                "compute_infer": { "count": 10, "ns": 2570000 },
                "compute_output": { "count": 10, "ns": 160000 },
                "cache_hit": { "count": 0, "ns": 0 },
                "cache_miss": { "count": 0, "ns": 0 }
              },
              "response_stats": {},
              "batch_stats": [
                { "batch_size": 1, "compute_input": { "count": 8, "ns": 200000 }, "compute_infer": { "count": 8, "ns": 2000000 }, "compute_output": { "count": 8, "ns": 120000 } },
                { "batch_size": 2, "compute_input": { "count": 2, "ns": 60000 }, "compute_infer": { "count": 2, "ns": 570000 }, "compute_output": { "count": 2, "ns": 40000 } }
              ],
              "memory_usage": []
            }
          ]
        }
        """;

    [Fact]
    public async Task Http_reads_every_documented_field_of_a_version()
    {
        var handler = new StubHandler(HttpStatusCode.OK, TritonAnswer);
        using var client = new ModelportHttpClient(new HttpClient(handler) { BaseAddress = new Uri("http://stats.test:8000") });

        var stats = Assert.Single(await client.GetModelStatisticsAsync("simple", "1"));

        Assert.Equal(["/v2/models/simple/versions/1/stats"], handler.Paths);
        AssertTritonAnswer(stats);
    }

    [Fact]
    public async Task Http_asks_for_every_model_or_every_version_of_one()
    {
        var handler = new StubHandler(HttpStatusCode.OK, """{"model_stats":[]}""");
        using var client = new ModelportHttpClient(new HttpClient(handler) { BaseAddress = new Uri("http://stats.test:8000") });

        Assert.Empty(await client.GetModelStatisticsAsync());
        await client.GetModelStatisticsAsync("simple");

        Assert.Equal(["/v2/models/stats", "/v2/models/simple/stats"], handler.Paths);
    }

    [Fact]
    public async Task Http_missing_fields_count_as_zero()
    {
        var handler = new StubHandler(HttpStatusCode.OK, """{"model_stats":[{"name":"simple","inference_stats":{"success":{"count":2,"ns":10}}}]}""");
        using var client = new ModelportHttpClient(new HttpClient(handler) { BaseAddress = new Uri("http://stats.test:8000") });

        var stats = Assert.Single(await client.GetModelStatisticsAsync("simple"));

        Assert.Equal(new StatisticDuration(2, 10), stats.InferenceStats.Success);
        Assert.Equal(StatisticDuration.Zero, stats.InferenceStats.Queue);
        Assert.Equal(string.Empty, stats.Version);
        Assert.Empty(stats.BatchStats);
    }

    [Fact]
    public async Task Http_a_server_without_the_endpoint_is_not_found()
    {
        var handler = new StubHandler(HttpStatusCode.NotFound, "");
        using var client = new ModelportHttpClient(new HttpClient(handler) { BaseAddress = new Uri("http://stats.test:8000") });

        var exception = await Assert.ThrowsAsync<InferenceServerException>(() => client.GetModelStatisticsAsync("simple"));

        Assert.Equal(ErrorKind.NotFound, exception.ErrorKind);
    }

    [Fact]
    public async Task A_version_without_a_model_is_refused_before_any_call()
    {
        var handler = new StubHandler(HttpStatusCode.OK, TritonAnswer);
        using var http = new ModelportHttpClient(new HttpClient(handler) { BaseAddress = new Uri("http://stats.test:8000") });
        using var grpc = new ModelportGrpcClient(new Uri("http://127.0.0.1:1"));

        await Assert.ThrowsAsync<ArgumentException>(() => http.GetModelStatisticsAsync(version: "1"));
        await Assert.ThrowsAsync<ArgumentException>(() => grpc.GetModelStatisticsAsync(version: "1"));
        Assert.Empty(handler.Paths);
    }

    [Fact]
    public void Grpc_answer_reads_into_the_same_records()
    {
        var response = new Wire.ModelStatisticsResponse
        {
            ModelStats =
            {
                new Wire.ModelStatistics
                {
                    Name = "simple",
                    Version = "1",
                    LastInference = 1700000000123,
                    InferenceCount = 12,
                    ExecutionCount = 10,
                    InferenceStats = new Wire.InferStatistics
                    {
                        Success = Duration(10, 3820000),
                        Fail = Duration(1, 5000),
                        Queue = Duration(10, 410000),
                        ComputeInput = Duration(10, 260000),
                        ComputeInfer = Duration(10, 2570000),
                        ComputeOutput = Duration(10, 160000),
                    },
                    BatchStats =
                    {
                        new Wire.InferBatchStatistics { BatchSize = 1, ComputeInput = Duration(8, 200000), ComputeInfer = Duration(8, 2000000), ComputeOutput = Duration(8, 120000) },
                        new Wire.InferBatchStatistics { BatchSize = 2, ComputeInput = Duration(2, 60000), ComputeInfer = Duration(2, 570000), ComputeOutput = Duration(2, 40000) },
                    },
                },
            },
        };

        AssertTritonAnswer(Assert.Single(StatisticsMessages.FromWire(response)));
    }

    private static Wire.StatisticDuration Duration(ulong count, ulong ns) => new() { Count = count, Ns = ns };

    private static void AssertTritonAnswer(ModelStatistics stats)
    {
        Assert.Equal("simple", stats.Name);
        Assert.Equal("1", stats.Version);
        Assert.Equal(1700000000123, stats.LastInference);
        Assert.Equal(12, stats.InferenceCount);
        Assert.Equal(10, stats.ExecutionCount);
        Assert.Equal(new StatisticDuration(10, 3820000), stats.InferenceStats.Success);
        Assert.Equal(new StatisticDuration(1, 5000), stats.InferenceStats.Fail);
        Assert.Equal(new StatisticDuration(10, 410000), stats.InferenceStats.Queue);
        Assert.Equal(new StatisticDuration(10, 260000), stats.InferenceStats.ComputeInput);
        Assert.Equal(new StatisticDuration(10, 2570000), stats.InferenceStats.ComputeInfer);
        Assert.Equal(new StatisticDuration(10, 160000), stats.InferenceStats.ComputeOutput);
        Assert.Equal(StatisticDuration.Zero, stats.InferenceStats.CacheHit);
        Assert.Equal(
            [new BatchStatistics(1, new(8, 200000), new(8, 2000000), new(8, 120000)), new BatchStatistics(2, new(2, 60000), new(2, 570000), new(2, 40000))],
            stats.BatchStats);
    }
}

using Google.Protobuf;
using Modelport.Core.Configuration;

namespace Modelport.Core.Tests.Configuration;

public sealed class ModelConfigJsonTests
{
    [Fact]
    public void FormatsLikeTritonsConfigEndpoint()
    {
        var config = ModelConfigText.Parse("""
            name: "simple"
            platform: "onnxruntime_onnx"
            max_batch_size: 8
            input { name: "INPUT0" data_type: TYPE_INT32 dims: [ 16, -1 ] }
            dynamic_batching {
              max_queue_delay_microseconds: 18446744073709551615
              priority_queue_policy { key: 2 value { timeout_action: DELAY } }
            }
            instance_group { kind: KIND_CPU }
            """);

        var json = ModelConfigJson.Format(config);

        Assert.StartsWith("{\"name\":\"simple\",\"platform\":\"onnxruntime_onnx\",\"max_batch_size\":8,", json, StringComparison.Ordinal);
        Assert.Contains("{\"name\":\"INPUT0\",\"data_type\":\"TYPE_INT32\",\"format\":\"FORMAT_NONE\",\"dims\":[16,-1],", json, StringComparison.Ordinal);
        Assert.Contains("\"max_queue_delay_microseconds\":18446744073709551615", json, StringComparison.Ordinal);
        Assert.Contains("\"priority_queue_policy\":{\"2\":{\"timeout_action\":\"DELAY\",", json, StringComparison.Ordinal);
        Assert.Contains("\"instance_group\":[{\"name\":\"\",\"count\":0,\"gpus\":[],\"kind\":\"KIND_CPU\",", json, StringComparison.Ordinal);
    }

    [Fact]
    public void WritesDefaultScalarsAndEmptyListsButNotUnsetMessages()
    {
        var json = ModelConfigJson.Format(new ModelConfig { Name = "m" });

        Assert.Contains("\"max_batch_size\":0", json, StringComparison.Ordinal);
        Assert.Contains("\"input\":[]", json, StringComparison.Ordinal);
        Assert.Contains("\"parameters\":{}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("dynamic_batching", json, StringComparison.Ordinal);
        Assert.DoesNotContain("version_policy", json, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatsSpecialValues()
    {
        var config = new ModelConfig
        {
            Name = "modèle <&>",
            SequenceBatching = new ModelSequenceBatching { Direct = new() { MinimumSlotUtilization = float.PositiveInfinity } },
            ModelWarmup = { new ModelWarmup { Inputs = { ["x"] = new ModelWarmup.Types.Input { ZeroData = false } } } },
            Input = { new ModelInput { DataType = (DataType)99, Dims = { long.MinValue } } },
        };

        var json = ModelConfigJson.Format(config);

        Assert.Contains("\"name\":\"modèle <&>\"", json);
        Assert.Contains("\"minimum_slot_utilization\":\"Infinity\"", json);
        Assert.Contains("\"inputs\":{\"x\":{\"data_type\":\"TYPE_INVALID\",\"dims\":[],\"zero_data\":false}}", json);
        Assert.Contains("\"data_type\":99,\"format\":\"FORMAT_NONE\",\"dims\":[-9223372036854775808]", json);
    }

    [Fact]
    public void ParsesTheRepositoryLoadOverride()
    {
        const string json = """
            {
              "name": "simple",
              "backend": "onnxruntime",
              "maxBatchSize": 8,
              "input": [ { "name": "INPUT0", "data_type": "TYPE_FP32", "dims": [ "16", -1, 1e3 ] } ],
              "output": [ { "name": "OUTPUT0", "data_type": 11, "dims": [ 4 ] } ],
              "dynamic_batching": {
                "max_queue_delay_microseconds": "18446744073709551615",
                "priority_queue_policy": { "1": { "max_queue_size": 3 } }
              },
              "parameters": { "intra_op_thread_count": { "string_value": "1" } },
              "platform": null,
              "optimization": { "cuda": { "graphs": true } }
            }
            """;

        var config = ModelConfigJson.Parse(json);

        Assert.Equal(("simple", "onnxruntime", 8), (config.Name, config.Backend, config.MaxBatchSize));
        Assert.Equal([16L, -1L, 1000L], config.Input[0].Dims);
        Assert.Equal(DataType.TypeFp32, config.Output[0].DataType);
        Assert.Equal(ulong.MaxValue, config.DynamicBatching.MaxQueueDelayMicroseconds);
        Assert.Equal(3u, config.DynamicBatching.PriorityQueuePolicy[1].MaxQueueSize);
        Assert.Equal("1", config.Parameters["intra_op_thread_count"].StringValue);
        Assert.Equal("", config.Platform);
        Assert.True(config.Optimization.Cuda.Graphs);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RoundTripsEveryFieldOfTheSchema(int seed)
    {
        var config = RandomModelConfigs.Create(seed);

        Assert.Equal(config, ModelConfigJson.Parse(ModelConfigJson.Format(config)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ReadsProtobufJsonWithInt64AsStrings(int seed)
    {
        var config = RandomModelConfigs.Create(seed);
        var formatter = new JsonFormatter(JsonFormatter.Settings.Default.WithPreserveProtoFieldNames(true));

        Assert.Equal(config, ModelConfigJson.Parse(formatter.Format(config)));
    }

    [Fact]
    public void OutputIsProtobufJsonThatGoogleProtobufReads()
    {
        var config = ModelConfigText.Parse("""
            name: "m" max_batch_size: 4 input { name: "x" data_type: TYPE_BF16 dims: [ 3, -1 ] }
            dynamic_batching { priority_levels: 3 priority_queue_policy { key: 1 value { max_queue_size: 2 } } }
            parameters { key: "k" value { string_value: "v" } }
            """);

        Assert.Equal(config, JsonParser.Default.Parse<ModelConfig>(ModelConfigJson.Format(config)));
    }

    public static IEnumerable<object[]> Seeds() => RandomModelConfigs.Seeds(40);
}

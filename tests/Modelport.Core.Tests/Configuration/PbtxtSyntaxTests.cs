using Modelport.Core.Configuration;

namespace Modelport.Core.Tests.Configuration;

public sealed class PbtxtSyntaxTests
{
    [Theory]
    [InlineData("input { name: \"a\" }")]
    [InlineData("input: { name: \"a\" }")]
    [InlineData("input < name: \"a\" >")]
    [InlineData("input: < name: \"a\" >")]
    [InlineData("input [ { name: \"a\" } ]")]
    [InlineData("input: [ < name: \"a\" > ]")]
    public void MessageValueForms(string text)
    {
        Assert.Equal("a", ModelConfigText.Parse(text).Input.Single().Name);
    }

    [Fact]
    public void RepeatedMessagesAsBlocksAndListsAccumulate()
    {
        var config = ModelConfigText.Parse("""
            input { name: "a" }
            input [ { name: "b" }, { name: "c" } ]
            input { name: "d" }
            """);

        Assert.Equal(["a", "b", "c", "d"], config.Input.Select(i => i.Name));
    }

    [Fact]
    public void RepeatedScalarsAsListsAndLines()
    {
        var input = ModelConfigText.Parse("input { dims: [ 16, -1 ] dims: 3 dims: [] dims: [ 0x10 ] }").Input[0];

        Assert.Equal([16L, -1L, 3L, 16L], input.Dims);
    }

    [Fact]
    public void SeparatorsCommentsAndWhitespaceAreOptional()
    {
        var config = ModelConfigText.Parse("""
            name: "m", platform: "p"; # trailing comment
            max_batch_size:4 input{name:"x";data_type:TYPE_FP32,dims:[1,2]}
            # a full-line comment with "quotes" and { braces
            """);

        Assert.Equal(("m", "p", 4), (config.Name, config.Platform, config.MaxBatchSize));
        Assert.Equal([1L, 2L], config.Input[0].Dims);
    }

    [Fact]
    public void EmptyTextIsAnEmptyConfig()
    {
        Assert.Equal(new ModelConfig(), ModelConfigText.Parse(" \n# only a comment\n"));
    }

    [Fact]
    public void MapEntriesInEveryForm()
    {
        var config = ModelConfigText.Parse("""
            parameters { key: "a" value { string_value: "1" } }
            parameters: { key: "b", value: { string_value: "2" } }
            parameters [ { key: "c" value: < string_value: "3" > }, { value { string_value: "4" } key: "d" } ]
            parameters { key: "e" }
            metric_tags { key: "team" value: "vision" }
            dynamic_batching { priority_queue_policy { key: 1 value { max_queue_size: 5 } } }
            """);

        Assert.Equal(["1", "2", "3", "4", ""], new[] { "a", "b", "c", "d", "e" }.Select(k => config.Parameters[k].StringValue));
        Assert.Equal("vision", config.MetricTags["team"]);
        Assert.Equal(5u, config.DynamicBatching.PriorityQueuePolicy[1].MaxQueueSize);
    }

    [Fact]
    public void LaterMapEntryWithTheSameKeyWins()
    {
        var config = ModelConfigText.Parse("""
            metric_tags { key: "k" value: "old" }
            metric_tags { key: "k" value: "new" }
            """);

        Assert.Equal("new", config.MetricTags["k"]);
    }

    [Theory]
    [InlineData("\"plain\"", "plain")]
    [InlineData("'single'", "single")]
    [InlineData("'it\"s'", "it\"s")]
    [InlineData("\"it's\"", "it's")]
    [InlineData("\"a\" 'b' \"c\"", "abc")]
    [InlineData("\"tab\\tnl\\ncr\\rq\\\"s\\'bs\\\\\"", "tab\tnl\ncr\rq\"s'bs\\")]
    [InlineData("\"\\a\\b\\f\\v\\?\"", "\a\b\f\v?")]
    [InlineData("\"\\101\\x42\\103\\0\"", "ABC\0")]
    [InlineData("\"\\303\\251\"", "é")]
    [InlineData("\"\\u00e9\\U0001F600\"", "é😀")]
    [InlineData("\"modèle 😀\"", "modèle 😀")]
    public void StringLiterals(string literal, string expected)
    {
        Assert.Equal(expected, ModelConfigText.Parse($"name: {literal}").Name);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("t", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("f", false)]
    [InlineData("0", false)]
    public void Booleans(string literal, bool expected)
    {
        Assert.Equal(expected, ModelConfigText.Parse($"response_cache {{ enable: {literal} }}").ResponseCache.Enable);
    }

    [Theory]
    [InlineData("max_batch_size: -2147483648", int.MinValue)]
    [InlineData("max_batch_size: 2147483647", int.MaxValue)]
    [InlineData("max_batch_size: 0x7fffffff", int.MaxValue)]
    [InlineData("max_batch_size: - 0X10", -16)]
    [InlineData("max_batch_size: 010", 8)]
    [InlineData("max_batch_size: 0", 0)]
    public void Int32Values(string text, int expected)
    {
        Assert.Equal(expected, ModelConfigText.Parse(text).MaxBatchSize);
    }

    [Fact]
    public void SixtyFourBitValues()
    {
        var config = ModelConfigText.Parse("""
            input { dims: [ -9223372036854775808, 9223372036854775807 ] }
            dynamic_batching { max_queue_delay_microseconds: 18446744073709551615 priority_levels: 0xFFFFFFFFFFFFFFFF }
            instance_group { secondary_devices { device_id: -1 } }
            """);

        Assert.Equal([long.MinValue, long.MaxValue], config.Input[0].Dims);
        Assert.Equal(ulong.MaxValue, config.DynamicBatching.MaxQueueDelayMicroseconds);
        Assert.Equal(ulong.MaxValue, config.DynamicBatching.PriorityLevels);
        Assert.Equal(-1L, config.InstanceGroup[0].SecondaryDevices[0].DeviceId);
    }

    [Theory]
    [InlineData("0.5", 0.5f)]
    [InlineData("1.5f", 1.5f)]
    [InlineData("-2", -2f)]
    [InlineData("1e-3", 1e-3f)]
    [InlineData("2.5E+2", 250f)]
    [InlineData(".25", 0.25f)]
    [InlineData("inf", float.PositiveInfinity)]
    [InlineData("-Infinity", float.NegativeInfinity)]
    [InlineData("-inf", float.NegativeInfinity)]
    public void FloatValues(string literal, float expected)
    {
        var sequence = ModelConfigText.Parse($"sequence_batching {{ direct {{ minimum_slot_utilization: {literal} }} }}").SequenceBatching;

        Assert.Equal(expected, sequence.Direct.MinimumSlotUtilization);
    }

    [Fact]
    public void NanAndDoubleValues()
    {
        var config = ModelConfigText.Parse("""
            sequence_batching { direct { minimum_slot_utilization: nan } }
            model_metrics { metric_control { histogram_options { buckets: [ -5.0, -2, 0, 3.5, 1e300, NaN, 16777217 ] } } }
            """);

        Assert.True(float.IsNaN(config.SequenceBatching.Direct.MinimumSlotUtilization));
        var buckets = config.ModelMetrics.MetricControl[0].HistogramOptions.Buckets;
        Assert.Equal([-5.0, -2, 0, 3.5, 1e300], buckets.Take(5));
        Assert.True(double.IsNaN(buckets[5]));
        Assert.Equal(16777217d, buckets[6]);
    }

    [Fact]
    public void EnumsByNameAndByNumber()
    {
        var config = ModelConfigText.Parse("""
            input { data_type: TYPE_FP16 format: FORMAT_NCHW }
            input { data_type: 11 }
            input { data_type: 99 }
            instance_group { kind: KIND_MODEL }
            """);

        Assert.Equal(DataType.TypeFp16, config.Input[0].DataType);
        Assert.Equal(ModelInput.Types.Format.Nchw, config.Input[0].Format);
        Assert.Equal(DataType.TypeFp32, config.Input[1].DataType);
        // proto3 enums are open: an unnamed number is kept, as protobuf itself does.
        Assert.Equal((DataType)99, config.Input[2].DataType);
        Assert.Equal(ModelInstanceGroup.Types.Kind.Model, config.InstanceGroup[0].Kind);
    }

    [Fact]
    public void OneofMemberSetToItsDefaultIsStillSet()
    {
        var input = ModelConfigText.Parse("model_warmup { inputs { key: \"x\" value { zero_data: false } } }").ModelWarmup[0].Inputs["x"];

        Assert.Equal(ModelWarmup.Types.Input.InputDataTypeOneofCase.ZeroData, input.InputDataTypeCase);
    }

    [Fact]
    public void ByteOrderMarkIsIgnored()
    {
        Assert.Equal("m", ModelConfigText.Parse("\uFEFFname: \"m\"").Name);
    }
}

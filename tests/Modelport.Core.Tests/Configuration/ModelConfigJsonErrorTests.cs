using Modelport.Core.Configuration;

namespace Modelport.Core.Tests.Configuration;

public sealed class ModelConfigJsonErrorTests
{
    [Fact]
    public void UnknownFieldNamesItsPathAndPosition()
    {
        var e = Parse("{\n  \"name\": \"m\",\n  \"input\": [ { \"name\": \"x\" }, {\n    \"dat_type\": \"TYPE_FP32\" } ]\n}");

        Assert.Equal((4, 5, "input[1].dat_type"), (e.Line, e.Column, e.Field));
        Assert.Contains("line 4: unknown field 'dat_type' in ModelInput", e.Message);
    }

    [Theory]
    [InlineData("""{"max_batch_size": "eight"}""", "max_batch_size", "expected an int32 for field 'max_batch_size', got 'eight'")]
    [InlineData("""{"max_batch_size": 1.5}""", "max_batch_size", "expected an int32 for field 'max_batch_size', got '1.5'")]
    [InlineData("""{"max_batch_size": 3000000000}""", "max_batch_size", "integer 3000000000 is out of range for int32 field 'max_batch_size'")]
    [InlineData("""{"dynamic_batching": {"priority_levels": -1}}""", "dynamic_batching.priority_levels", "integer -1 is out of range for uint64 field 'dynamic_batching.priority_levels'")]
    [InlineData("""{"input": [{"dims": [1, "x"]}]}""", "input[0].dims[1]", "expected an int64 for field 'input[0].dims[1]', got 'x'")]
    [InlineData("""{"input": [{"data_type": "TYPE_FLOAT"}]}""", "input[0].data_type", "unknown value 'TYPE_FLOAT' for enum field 'input[0].data_type' (DataType)")]
    [InlineData("""{"name": 5}""", "name", "expected a string for field 'name', got 5")]
    [InlineData("""{"input": {"name": "x"}}""", "input", "expected an array for field 'input', got an object")]
    [InlineData("""{"response_cache": {"enable": "true"}}""", "response_cache.enable", "expected true or false for field 'response_cache.enable', got string \"true\"")]
    [InlineData("""{"parameters": {"k": "v"}}""", "parameters[\"k\"]", "expected an object for field 'parameters[\"k\"]', got string \"v\"")]
    [InlineData("""{"dynamic_batching": {"priority_queue_policy": {"high": {}}}}""", "dynamic_batching.priority_queue_policy[\"high\"]", "expected an uint64")]
    [InlineData("""{"name": "a", "name": "b"}""", "name", "field 'name' is not repeated but is given more than once")]
    [InlineData("""{"dynamic_batching": {}, "sequence_batching": {}}""", "sequence_batching", "only one field of oneof 'scheduling_choice' may be set")]
    public void ErrorsNameTheField(string json, string field, string expected)
    {
        var e = Parse(json);

        Assert.Equal(field, e.Field);
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("{\n  \"name\": \"m\",\n  \"max_batch_size\": 8,\n}", 4)]
    [InlineData("{\"name\": \"m\"", 1)]
    [InlineData("", 1)]
    [InlineData("{} {}", 1)]
    public void InvalidJsonNamesTheLine(string json, int line)
    {
        var e = Parse(json);

        Assert.Equal(line, e.Line);
        Assert.StartsWith($"line {line}: invalid JSON", e.Message);
    }

    [Fact]
    public void TopLevelMustBeAnObject()
    {
        Assert.Contains("expected a JSON object, got an array", Parse("[]").Message);
    }

    private static ModelConfigParseException Parse(string json) =>
        Assert.Throws<ModelConfigParseException>(() => ModelConfigJson.Parse(json));
}

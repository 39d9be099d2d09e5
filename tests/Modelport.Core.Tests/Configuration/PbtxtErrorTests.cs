using Modelport.Core.Configuration;

namespace Modelport.Core.Tests.Configuration;

public sealed class PbtxtErrorTests
{
    [Fact]
    public void UnknownFieldNamesLineColumnFieldAndMessageType()
    {
        const string text = """
            name: "m"
            platform: "onnxruntime_onnx"
            input [
              {
                name: "x"
              }
            ]
              max_batch_sise: 8
            """;

        var e = Assert.Throws<ModelConfigParseException>(() => ModelConfigText.Parse(text, "models/m/config.pbtxt"));

        Assert.Equal((8, 3, "max_batch_sise"), (e.Line, e.Column, e.Field));
        Assert.Equal("models/m/config.pbtxt", e.SourceName);
        Assert.Equal("models/m/config.pbtxt: line 8: unknown field 'max_batch_sise' in ModelConfig (column 3)", e.Message);
    }

    [Fact]
    public void UnknownFieldInANestedMessageNamesThatMessage()
    {
        var e = Parse("sequence_batching {\n  control_input { control { knd: CONTROL_SEQUENCE_START } }\n}");

        Assert.Equal((2, 29, "knd"), (e.Line, e.Column, e.Field));
        Assert.Contains("unknown field 'knd' in ModelSequenceBatching.Control", e.Message);
    }

    [Fact]
    public void UnknownEnumValue()
    {
        var e = Parse("input {\n  name: \"x\"\n  data_type: TYPE_FLOAT32\n}");

        Assert.Equal((3, 14, "data_type"), (e.Line, e.Column, e.Field));
        Assert.Contains("line 3: unknown value 'TYPE_FLOAT32' for enum field 'data_type' (DataType)", e.Message);
    }

    [Theory]
    [InlineData("max_batch_size: \"8\"", "expected an integer for int32 field 'max_batch_size', got '\"8\"'")]
    [InlineData("max_batch_size: 1.5", "expected an integer for int32 field 'max_batch_size', got '1.5'")]
    [InlineData("max_batch_size: eight", "expected an integer for int32 field 'max_batch_size', got 'eight'")]
    [InlineData("name: 5", "expected a string for field 'name', got '5'")]
    [InlineData("response_cache { enable: yes }", "expected true or false for bool field 'enable', got 'yes'")]
    [InlineData("response_cache { enable: 2 }", "expected true or false for bool field 'enable', got '2'")]
    [InlineData("sequence_batching { direct { minimum_slot_utilization: \"0.5\" } }", "expected a number for float field 'minimum_slot_utilization'")]
    [InlineData("input { data_type: \"TYPE_FP32\" }", "expected an integer for enum field 'data_type'")]
    [InlineData("input \"x\"", "expected '{' to open the value of 'input', got '\"x\"'")]
    [InlineData("name \"x\"", "expected ':' after field 'name', got '\"x\"'")]
    [InlineData("name: [ \"x\" ]", "field 'name' is not repeated and cannot take a list")]
    [InlineData("input { dims: [ 1 2 ] }", "expected ',' or ']' in the list of 'dims', got '2'")]
    [InlineData("}", "expected a field name in ModelConfig, got '}'")]
    [InlineData("input { name: \"x\" >", "expected a field name in ModelInput, got '>'")]
    [InlineData("name: \"x\" @", "unexpected character '@'")]
    [InlineData("name: \"bad \\q escape\"", "invalid escape '\\q' in string")]
    [InlineData("name: \"\\377\"", "string for field 'name' is not valid UTF-8")]
    public void WrongValueTypesAndSyntax(string text, string expected)
    {
        var e = Parse(text);

        Assert.Equal(1, e.Line);
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("max_batch_size: 2147483648", "integer 2147483648 is out of range for int32 field 'max_batch_size'")]
    [InlineData("max_batch_size: -2147483649", "integer -2147483649 is out of range for int32 field 'max_batch_size'")]
    [InlineData("input { dims: 9223372036854775808 }", "integer 9223372036854775808 is out of range for int64 field 'dims'")]
    [InlineData("dynamic_batching { max_queue_delay_microseconds: 18446744073709551616 }", "out of range for uint64 field 'max_queue_delay_microseconds'")]
    [InlineData("dynamic_batching { max_queue_delay_microseconds: -1 }", "integer -1 is out of range for uint64 field 'max_queue_delay_microseconds'")]
    [InlineData("dynamic_batching { default_queue_policy { max_queue_size: 4294967296 } }", "out of range for uint32 field 'max_queue_size'")]
    [InlineData("input { data_type: 2147483648 }", "out of range for enum field 'data_type'")]
    public void IntegersOutOfRange(string text, string expected)
    {
        var e = Parse(text);

        Assert.Contains(expected, e.Message);
        Assert.NotNull(e.Field);
    }

    [Fact]
    public void UnterminatedStringPointsAtItsStart()
    {
        var e = Parse("name: \"m\"\nplatform: \"onnx\nmax_batch_size: 8");

        Assert.Equal((2, 11, "platform"), (e.Line, e.Column, e.Field));
        Assert.Contains("line 2: unterminated string", e.Message);
    }

    [Fact]
    public void UnterminatedBlockPointsAtItsOpeningBrace()
    {
        var e = Parse("name: \"m\"\ninput {\n  name: \"x\"\n  dims: [ 1 ]\n");

        Assert.Equal((2, 7, "input"), (e.Line, e.Column, e.Field));
        Assert.Contains("line 2: '{' is not closed: '}' expected before the end of input", e.Message);
    }

    [Fact]
    public void UnterminatedListPointsAtItsBracket()
    {
        var e = Parse("input {\n  dims: [ 1,\n    2");

        Assert.Equal((2, 9, "dims"), (e.Line, e.Column, e.Field));
        Assert.Contains("'[' is not closed", e.Message);
    }

    [Fact]
    public void NonRepeatedFieldGivenTwice()
    {
        var e = Parse("name: \"a\"\nmax_batch_size: 1\nname: \"b\"");

        Assert.Equal((3, 1, "name"), (e.Line, e.Column, e.Field));
        Assert.Contains("line 3: field 'name' is not repeated but is given more than once", e.Message);
    }

    [Fact]
    public void NonRepeatedMessageGivenTwice()
    {
        var e = Parse("optimization { graph { level: 1 } }\noptimization { priority: PRIORITY_MAX }");

        Assert.Equal((2, "optimization"), (e.Line, e.Field));
    }

    [Fact]
    public void TwoMembersOfAOneof()
    {
        var e = Parse("dynamic_batching { }\nsequence_batching { }");

        Assert.Equal((2, "sequence_batching"), (e.Line, e.Field));
        Assert.Contains("conflicts with 'dynamic_batching': only one field of oneof 'scheduling_choice' may be set", e.Message);
    }

    [Fact]
    public void WithoutSourceNameTheMessageStartsWithTheLine()
    {
        var e = Parse("bogus: 1");

        Assert.Null(e.SourceName);
        Assert.Equal("line 1: unknown field 'bogus' in ModelConfig (column 1)", e.Message);
        Assert.Equal("unknown field 'bogus' in ModelConfig", e.Detail);
    }

    private static ModelConfigParseException Parse(string text) =>
        Assert.Throws<ModelConfigParseException>(() => ModelConfigText.Parse(text));
}

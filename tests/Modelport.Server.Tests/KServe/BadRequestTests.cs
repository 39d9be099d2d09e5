using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Modelport.Server.Tests.TestSupport;

namespace Modelport.Server.Tests.KServe;

public sealed class BadRequestTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    private const string Sixteen = "[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15]";

    private HttpClient Client => fixture.Server.Client;

    public static TheoryData<string, string, string, HttpStatusCode, string> JsonCases => new()
    {
        { "malformed JSON", "simple", """{"inputs": [""", HttpStatusCode.BadRequest, "not valid JSON" },
        { "truncated JSON", "simple", $$"""{"inputs":[{"name":"INPUT0","datatype":"INT32","shape":[1,16],"data":[1,2""", HttpStatusCode.BadRequest, "not valid JSON" },
        { "not an object", "simple", "[1,2,3]", HttpStatusCode.BadRequest, "must be a JSON object" },
        { "no inputs", "simple", "{}", HttpStatusCode.BadRequest, "no 'inputs'" },
        { "wrong datatype", "simple", Simple("FP32", "[1,16]", Sixteen), HttpStatusCode.BadRequest, "input 'INPUT0' of model 'simple' has datatype FP32, but the model expects INT32" },
        { "unknown datatype", "simple", Simple("INT33", "[1,16]", Sixteen), HttpStatusCode.BadRequest, "datatype 'INT33', which is not one of" },
        { "wrong shape", "simple", Simple("INT32", "[1,15]", "[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14]"), HttpStatusCode.BadRequest, "has shape [1,15], but the model expects [-1,16]" },
        { "negative dimension", "simple", Simple("INT32", "[1,-16]", Sixteen), HttpStatusCode.BadRequest, "dimension must be an integer of 0 or more" },
        { "fewer elements than the shape", "simple", Simple("INT32", "[1,16]", "[1,2,3]"), HttpStatusCode.BadRequest, "its shape has 16 elements but its data has 3" },
        { "more elements than the shape", "simple", Simple("INT32", "[1,2]", "[1,2,3]"), HttpStatusCode.BadRequest, "more elements than the 2 of its shape" },
        { "value out of range", "simple", Simple("INT32", "[1,1]", "[3000000000]"), HttpStatusCode.BadRequest, "3000000000 is not a INT32 value" },
        { "string where a number belongs", "simple", Simple("INT32", "[1,1]", "[\"seven\"]"), HttpStatusCode.BadRequest, "INT32 data must hold an integer for each element, not \"seven\"" },
        { "missing input", "simple", $$"""{"inputs":[{"name":"INPUT0","datatype":"INT32","shape":[1,16],"data":{{Sixteen}}}]}""", HttpStatusCode.BadRequest, "model 'simple' expects input 'INPUT1', which the request does not have" },
        { "unknown input", "simple", $$"""{"inputs":[{"name":"INPUT7","datatype":"INT32","shape":[1,16],"data":{{Sixteen}}}]}""", HttpStatusCode.BadRequest, "unexpected inference input 'INPUT7' for model 'simple'" },
        { "unknown output", "simple", Simple("INT32", "[1,16]", Sixteen, ""","outputs":[{"name":"OUTPUT9"}]"""), HttpStatusCode.BadRequest, "unexpected inference output 'OUTPUT9' for model 'simple'" },
        { "unknown model", "no_such_model", Simple("INT32", "[1,16]", Sixteen), HttpStatusCode.NotFound, "unknown model 'no_such_model'" },
        { "absurd element count", "identity_fp32_noconfig", """{"inputs":[{"name":"INPUT","datatype":"FP32","shape":[1,4000000000000],"data":[1]}]}""", HttpStatusCode.BadRequest, "more elements than the" },
        { "overflowing shape", "identity_fp32_noconfig", """{"inputs":[{"name":"INPUT","datatype":"FP32","shape":[4611686018427387904,4611686018427387904],"data":[1]}]}""", HttpStatusCode.BadRequest, "element count overflows" },
    };

    [Theory]
    [MemberData(nameof(JsonCases))]
    public async Task A_malformed_request_gets_a_clear_error_and_the_server_keeps_serving(
        string description, string model, string body, HttpStatusCode expectedStatus, string expectedMessage)
    {
        var (status, answer) = await Client.PostAsync($"/v2/models/{model}/infer", body);

        Assert.True(expectedStatus == status, $"{description}: expected {expectedStatus}, got {status} {answer}");
        Assert.Contains(expectedMessage, HttpJson.ErrorOf(answer), StringComparison.Ordinal);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_batch_above_max_batch_size_is_refused()
    {
        var data = "[" + string.Join(",", Enumerable.Repeat(1, 9 * 16)) + "]";

        var (status, answer) = await Client.PostAsync("/v2/models/simple/infer", Simple("INT32", "[9,16]", data));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("batch size 9; it must be between 1 and the model's max_batch_size 8", HttpJson.ErrorOf(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_version_is_not_found_and_a_non_numeric_version_is_invalid()
    {
        var (unknownStatus, unknown) = await Client.PostAsync("/v2/models/simple/versions/3/infer", Simple("INT32", "[1,16]", Sixteen));
        var (invalidStatus, invalid) = await Client.PostAsync("/v2/models/simple/versions/latest/infer", Simple("INT32", "[1,16]", Sixteen));

        Assert.Equal(HttpStatusCode.NotFound, unknownStatus);
        Assert.Contains("unknown version 3 of model 'simple'", HttpJson.ErrorOf(unknown), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, invalidStatus);
        Assert.Contains("'latest' of model 'simple' is not a version number", HttpJson.ErrorOf(invalid), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60, 64, "the binary part of the body has 124 bytes, but the inputs' binary_data_size parameters add up to 128")]
    [InlineData(64, 1_000_000_000_000, "binary_data_size 1000000000000, but only 64 bytes of binary data remain")]
    public async Task Binary_data_sizes_that_disagree_with_the_body_are_refused(int secondTensorBytes, long declaredSize, string expectedMessage)
    {
        var header = new JsonObject
        {
            ["inputs"] = new JsonArray(
                new JsonObject { ["name"] = "INPUT0", ["datatype"] = "INT32", ["shape"] = new JsonArray(1, 16), ["parameters"] = new JsonObject { ["binary_data_size"] = 64 } },
                new JsonObject { ["name"] = "INPUT1", ["datatype"] = "INT32", ["shape"] = new JsonArray(1, 16), ["parameters"] = new JsonObject { ["binary_data_size"] = declaredSize } }),
        };
        var (body, headerLength) = BinaryInference.Compose(header, new byte[64], new byte[secondTensorBytes]);

        var (status, response) = await Client.PostBytesAsync("/v2/models/simple/infer", body, headerLength);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expectedMessage, HttpJson.ErrorOf(System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())), StringComparison.Ordinal);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_header_length_past_the_end_of_the_body_is_refused()
    {
        var body = Encoding.UTF8.GetBytes(Simple("INT32", "[1,16]", Sixteen));

        var (status, response) = await Client.PostBytesAsync("/v2/models/simple/infer", body, body.Length + 100);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Inference-Header-Content-Length is", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_shorter_than_its_content_length_is_refused_and_the_server_keeps_serving()
    {
        var answer = await SendRawAsync(
            "POST /v2/models/simple/infer HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"inputs\":[");

        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task An_absurd_content_length_is_refused_before_anything_is_allocated()
    {
        var answer = await SendRawAsync(
            "POST /v2/models/simple/infer HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 100000000000000\r\n\r\n{}");

        Assert.Matches("^HTTP/1.1 (400|413)", answer);
        await AssertStillServingAsync();
    }

    private async Task<string> SendRawAsync(string request)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, Client.BaseAddress!.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes(request));
        socket.Shutdown(SocketShutdown.Send);
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        int read;
        while ((read = await socket.ReceiveAsync(buffer)) > 0)
        {
            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return answer.ToString();
    }

    private async Task AssertStillServingAsync()
    {
        var (status, body) = await Client.PostAsync("/v2/models/simple/infer", Simple("INT32", "[1,16]", Sixteen));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body!["outputs"]!.AsArray().Count);
    }

    private static string Simple(string datatype, string shape, string data, string extra = "") =>
        $$"""{"inputs":[{"name":"INPUT0","datatype":"{{datatype}}","shape":{{shape}},"data":{{data}}},{"name":"INPUT1","datatype":"{{datatype}}","shape":{{shape}},"data":{{data}}}]{{extra}}}""";
}

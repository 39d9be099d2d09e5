using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Modelport.Server.Tests.TestSupport;
using Modelport.Server.Tests.TestSupport.Clients;

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
        { "more elements than the shape", "simple", Simple("INT32", "[1,2]", "[1,2,3]"), HttpStatusCode.BadRequest, "more elements than the 2 of its shape" },
        { "value out of range", "simple", Simple("INT32", "[1,1]", "[3000000000]"), HttpStatusCode.BadRequest, "3000000000 is not a INT32 value" },
        { "string where a number belongs", "simple", Simple("INT32", "[1,1]", "[\"seven\"]"), HttpStatusCode.BadRequest, "INT32 data must hold an integer for each element, not \"seven\"" },
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

    private static readonly Dictionary<string, (InferCall Call, ApiError Error, string Message)> InvalidCalls = new()
    {
        ["wrong datatype"] = (Simple(Tensor.Fp32("INPUT0", [1, 16], new float[16]), Tensor.Fp32("INPUT1", [1, 16], new float[16])), ApiError.InvalidArgument, "input 'INPUT0' of model 'simple' has datatype FP32, but the model expects INT32"),
        // Binary, because no client can write INT33 elements.
        ["unknown datatype"] = (Simple(new Tensor("INPUT0", "INT33", [1, 16], new byte[64]), Counting("INPUT1")) with { Binary = true }, ApiError.InvalidArgument, "datatype 'INT33', which is not one of"),
        ["wrong shape"] = (Simple(Tensor.Int32("INPUT0", [1, 15], new int[15]), Counting("INPUT1")), ApiError.InvalidArgument, "has shape [1,15], but the model expects [-1,16]"),
        ["negative dimension"] = (Simple(Tensor.Int32("INPUT0", [1, -16], new int[16]), Counting("INPUT1")), ApiError.InvalidArgument, "dimension must be an integer of 0 or more"),
        ["fewer elements than the shape"] = (Simple(Tensor.Int32("INPUT0", [1, 16], 1, 2, 3), Counting("INPUT1")), ApiError.InvalidArgument, "its shape has 16 elements but its"),
        ["fewer bytes than the shape"] = (Simple(new Tensor("INPUT0", "INT32", [1, 16], new byte[60]), Counting("INPUT1")) with { Binary = true }, ApiError.InvalidArgument, "has shape [1,16] (16 elements of INT32 = 64 bytes) but 60 bytes of data"),
        ["missing input"] = (Simple(Counting("INPUT0")), ApiError.InvalidArgument, "model 'simple' expects input 'INPUT1', which the request does not have"),
        ["unknown input"] = (Simple(Counting("INPUT7")), ApiError.InvalidArgument, "unexpected inference input 'INPUT7' for model 'simple'"),
        ["unknown output"] = (Simple(Counting("INPUT0"), Counting("INPUT1")) with { Outputs = ["OUTPUT9"] }, ApiError.InvalidArgument, "unexpected inference output 'OUTPUT9' for model 'simple'"),
        ["unknown model"] = (Simple(Counting("INPUT0"), Counting("INPUT1")) with { Model = "no_such_model" }, ApiError.NotFound, "unknown model 'no_such_model'"),
        ["unknown version"] = (Simple(Counting("INPUT0"), Counting("INPUT1")) with { Version = "3" }, ApiError.NotFound, "unknown version 3 of model 'simple'"),
        ["version that is not a number"] = (Simple(Counting("INPUT0"), Counting("INPUT1")) with { Version = "latest" }, ApiError.InvalidArgument, "'latest' of model 'simple' is not a version number"),
        ["batch above max_batch_size"] = (Simple(Tensor.Int32("INPUT0", [9, 16], new int[144]), Tensor.Int32("INPUT1", [9, 16], new int[144])), ApiError.InvalidArgument, "batch size 9; it must be between 1 and the model's max_batch_size 8"),
    };

    public static TheoryData<Transport, string> InvalidCallCases => Transports.With(InvalidCalls.Keys);

    [Theory]
    [MemberData(nameof(InvalidCallCases))]
    public async Task An_invalid_call_gets_a_clear_error_with_its_status_and_the_server_keeps_serving(Transport transport, string description)
    {
        var (call, expectedError, expectedMessage) = InvalidCalls[description];
        var client = fixture.Server.ClientFor(transport);

        var error = await Assert.ThrowsAsync<ApiException>(() => client.InferAsync(call));

        Assert.True(expectedError == error.Code, $"{description}: expected {expectedError}, got {error.Code} {error.Message}");
        Assert.Contains(expectedMessage, error.Message, StringComparison.Ordinal);
        var reply = await client.InferAsync(Simple(Counting("INPUT0"), Counting("INPUT1")));
        Assert.Equal(2, reply.Outputs.Count);
    }

    [Theory]
    [InlineData(70, 64, "the binary part of the body has 134 bytes, but the inputs' binary_data_size parameters add up to 128")]
    [InlineData(60, 64, "input 'INPUT1' has binary_data_size 64, but only 60 bytes of binary data remain")]
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
    public async Task A_client_that_hangs_up_before_its_body_is_complete_does_not_disturb_the_server()
    {
        // The client closed its side, so no answer can reach it; what matters is that the server shrugs it off.
        await SendRawAsync(
            "POST /v2/models/simple/infer HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"inputs\":[");

        await AssertStillServingAsync();
    }

    [Fact]
    public async Task An_absurd_content_length_is_refused_before_anything_is_allocated()
    {
        var answer = await SendRawAsync(
            "POST /v2/models/simple/infer HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 100000000000000\r\n\r\n{}", hangUp: false);

        Assert.Matches("^HTTP/1.1 (400|413)", answer);
        await AssertStillServingAsync();
    }

    private async Task<string> SendRawAsync(string request, bool hangUp = true)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, Client.BaseAddress!.Port);
        await socket.SendAsync(Encoding.ASCII.GetBytes(request));
        if (hangUp)
        {
            socket.Shutdown(SocketShutdown.Send);
        }

        var answer = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            int read;
            while (!answer.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && (read = await socket.ReceiveAsync(buffer)) > 0)
            {
                answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (SocketException)
        {
            // The server may reset a connection whose request it refused.
        }

        return answer.ToString();
    }

    private async Task AssertStillServingAsync()
    {
        var (status, body) = await Client.PostAsync("/v2/models/simple/infer", Simple("INT32", "[1,16]", Sixteen));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body!["outputs"]!.AsArray().Count);
    }

    private static InferCall Simple(params Tensor[] inputs) => new("simple", inputs);

    private static Tensor Counting(string name) => Tensor.Int32(name, [1, 16], [.. Enumerable.Range(0, 16)]);

    private static string Simple(string datatype, string shape, string data, string extra = "") =>
        $$"""{"inputs":[{"name":"INPUT0","datatype":"{{datatype}}","shape":{{shape}},"data":{{data}}},{"name":"INPUT1","datatype":"{{datatype}}","shape":{{shape}},"data":{{data}}}]{{extra}}}""";
}

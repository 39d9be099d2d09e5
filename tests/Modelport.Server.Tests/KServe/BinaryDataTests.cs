using System.Net;
using System.Text.Json.Nodes;
using Modelport.Core.Tensors;
using Modelport.Server.Tests.TestSupport;

namespace Modelport.Server.Tests.KServe;

public sealed class BinaryDataTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    private static readonly int[] Counting = [.. Enumerable.Range(0, 16)];
    private static readonly int[] Threes = [.. Enumerable.Repeat(3, 16)];

    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task Binary_inputs_and_binary_outputs_round_trip_exact_bytes()
    {
        var header = new JsonObject
        {
            ["inputs"] = new JsonArray(BinaryInput("INPUT0", "INT32", 64), BinaryInput("INPUT1", "INT32", 64)),
            ["parameters"] = new JsonObject { ["binary_data_output"] = true },
        };
        var (body, headerLength) = BinaryInference.Compose(header, BinaryInference.Int32s(Counting), BinaryInference.Int32s(Threes));

        var (status, response) = await Client.PostBytesAsync("/v2/models/simple/infer", body, headerLength);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
        var (json, outputs) = await BinaryInference.SplitAsync(response);
        Assert.Null(json["outputs"]![0]!["data"]);
        Assert.Equal(Counting.Select(value => value + 3), BinaryInference.ToInt32s(outputs["OUTPUT0"]));
        Assert.Equal(Counting.Select(value => value - 3), BinaryInference.ToInt32s(outputs["OUTPUT1"]));
    }

    [Fact]
    public async Task An_output_can_ask_for_binary_while_the_other_stays_json()
    {
        var request = JsonNode.Parse(InferTests.SimpleRequest(Counting, Threes))!.AsObject();
        request["outputs"] = new JsonArray(
            new JsonObject { ["name"] = "OUTPUT0", ["parameters"] = new JsonObject { ["binary_data"] = true } },
            new JsonObject { ["name"] = "OUTPUT1" });
        var (body, headerLength) = BinaryInference.Compose(request);

        var (status, response) = await Client.PostBytesAsync("/v2/models/simple/infer", body, headerLength);

        Assert.Equal(HttpStatusCode.OK, status);
        var (json, outputs) = await BinaryInference.SplitAsync(response);
        Assert.Equal(Counting.Select(value => value + 3), BinaryInference.ToInt32s(outputs["OUTPUT0"]));
        Assert.Equal(Counting.Select(value => value - 3), InferTests.Data<int>(json, "OUTPUT1"));
    }

    [Fact]
    public async Task Bytes_tensors_use_length_prefixed_elements_in_both_directions()
    {
        var left = BytesElements.FromStrings(Counting.Select(value => value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var right = BytesElements.FromStrings(Enumerable.Repeat("-4", 16));
        var header = new JsonObject
        {
            ["inputs"] = new JsonArray(BinaryInput("INPUT0", "BYTES", left.Length), BinaryInput("INPUT1", "BYTES", right.Length)),
            ["parameters"] = new JsonObject { ["binary_data_output"] = true },
        };
        var (body, headerLength) = BinaryInference.Compose(header, left, right);

        var (status, response) = await Client.PostBytesAsync("/v2/models/simple_string/infer", body, headerLength);

        Assert.Equal(HttpStatusCode.OK, status);
        var (_, outputs) = await BinaryInference.SplitAsync(response);
        var sums = new List<string>();
        foreach (var element in BytesElements.Enumerate(outputs["OUTPUT0"]))
        {
            sums.Add(System.Text.Encoding.UTF8.GetString(element.Span));
        }

        Assert.Equal(Counting.Select(value => (value - 4).ToString(System.Globalization.CultureInfo.InvariantCulture)), sums);
    }

    private static JsonObject BinaryInput(string name, string datatype, int byteSize) => new()
    {
        ["name"] = name,
        ["datatype"] = datatype,
        ["shape"] = new JsonArray(1, 16),
        ["parameters"] = new JsonObject { ["binary_data_size"] = byteSize },
    };
}

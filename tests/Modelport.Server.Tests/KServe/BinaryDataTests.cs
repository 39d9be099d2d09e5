using System.Net;
using System.Text.Json.Nodes;
using Modelport.Server.Tests.TestSupport;

namespace Modelport.Server.Tests.KServe;

public sealed class BinaryDataTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    private static readonly int[] Counting = [.. Enumerable.Range(0, 16)];
    private static readonly int[] Threes = [.. Enumerable.Repeat(3, 16)];

    private HttpClient Client => fixture.Server.Client;

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
}

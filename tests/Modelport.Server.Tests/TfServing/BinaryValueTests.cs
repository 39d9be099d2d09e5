using System.Net;
using System.Text.Json.Nodes;
using Modelport.Server.Tests.TestSupport;

namespace Modelport.Server.Tests.TfServing;

public sealed class BinaryValueTests(LabelledRepositoryFixture fixture) : IClassFixture<LabelledRepositoryFixture>
{
    private static readonly byte[] NotText = [0xFF, 0x00, 0xFE, 0x80, 0x0A];

    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task B64_bytes_go_in_and_an_output_named_bytes_comes_back_as_b64_unchanged()
    {
        var request = $$"""{"instances": [{"b64": "{{Convert.ToBase64String(NotText)}}"}, {"b64": "aW1hZ2UgYnl0ZXM="}]}""";

        var (status, body) = await Client.PostTextAsync("/v1/models/blob:predict", request);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($$"""{"predictions":[{"b64":"{{Convert.ToBase64String(NotText)}}"},{"b64":"aW1hZ2UgYnl0ZXM="}]}""", body);
    }

    [Fact]
    public async Task Plain_strings_feed_a_BYTES_input_too_and_columnar_answers_b64_as_well()
    {
        var (status, body) = await Client.PostAsync("/v1/models/blob:predict", """{"inputs": ["image bytes", {"b64": "AQI="}]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse("""{"outputs": [{"b64": "aW1hZ2UgYnl0ZXM="}, {"b64": "AQI="}]}"""), body),
            body?.ToJsonString());
    }

    [Fact]
    public async Task A_version_that_failed_to_load_has_ended_with_its_reason()
    {
        var (status, body) = await Client.GetJsonAsync("/v1/models/corrupt");

        Assert.Equal(HttpStatusCode.OK, status);
        var row = Assert.Single(body!["model_version_status"]!.AsArray())!;
        Assert.Equal("1", row["version"]!.GetValue<string>());
        Assert.Equal("END", row["state"]!.GetValue<string>());
        Assert.Equal("UNKNOWN", row["status"]!["error_code"]!.GetValue<string>());
        Assert.Contains("model.onnx", row["status"]!["error_message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

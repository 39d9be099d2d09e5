using System.Net;
using System.Text.Json.Nodes;
using Modelport.Server.Tests.TestSupport;

namespace Modelport.Server.Tests.TfServing;

public sealed class StatusAndMetadataTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task Status_lists_every_version_newest_first_in_TF_Serving_s_shape()
    {
        var (status, body) = await Client.GetJsonAsync("/v1/models/multiplier");

        Assert.Equal(HttpStatusCode.OK, status);
        AssertJson(
            """
            {"model_version_status": [
              {"version": "2", "state": "AVAILABLE", "status": {"error_code": "OK", "error_message": ""}},
              {"version": "1", "state": "AVAILABLE", "status": {"error_code": "OK", "error_message": ""}}
            ]}
            """,
            body);
    }

    [Fact]
    public async Task Status_of_one_version()
    {
        var (status, body) = await Client.GetJsonAsync("/v1/models/multiplier/versions/1");

        Assert.Equal(HttpStatusCode.OK, status);
        AssertJson("""{"model_version_status": [{"version": "1", "state": "AVAILABLE", "status": {"error_code": "OK", "error_message": ""}}]}""", body);
    }

    [Fact]
    public async Task Metadata_is_the_serving_default_signature_def_with_the_batch_dimension_as_minus_one()
    {
        var (status, body) = await Client.GetJsonAsync("/v1/models/simple/metadata");

        Assert.Equal(HttpStatusCode.OK, status);
        var tensor = (string name) => $$"""
            "{{name}}": {"dtype": "DT_INT32", "tensor_shape": {"dim": [{"size": "-1", "name": ""}, {"size": "16", "name": ""}], "unknown_rank": false}, "name": "{{name}}"}
            """;
        AssertJson(
            $$"""
            {
              "model_spec": {"name": "simple", "signature_name": "", "version": "1"},
              "metadata": {"signature_def": {"signature_def": {"serving_default": {
                "inputs": { {{tensor("INPUT0")}}, {{tensor("INPUT1")}} },
                "outputs": { {{tensor("OUTPUT0")}}, {{tensor("OUTPUT1")}} },
                "method_name": "tensorflow/serving/predict",
                "defaults": {}
              } } } }
            }
            """,
            body);
    }

    [Theory]
    [InlineData("/v1/models/multiplier/metadata", "2")]
    [InlineData("/v1/models/multiplier/versions/1/metadata", "1")]
    public async Task Metadata_names_the_version_that_answers(string path, string version)
    {
        var (_, body) = await Client.GetJsonAsync(path);

        Assert.Equal(version, body!["model_spec"]!["version"]!.GetValue<string>());
        var input = body["metadata"]!["signature_def"]!["signature_def"]!["serving_default"]!["inputs"]!["INPUT"]!;
        Assert.Equal("DT_FLOAT", input["dtype"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_BYTES_tensor_is_a_DT_STRING()
    {
        var (_, body) = await Client.GetJsonAsync("/v1/models/simple_string/metadata");

        var outputs = body!["metadata"]!["signature_def"]!["signature_def"]!["serving_default"]!["outputs"]!.AsObject();
        Assert.All(outputs, output => Assert.Equal("DT_STRING", output.Value!["dtype"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("/v1/models/no_such_model", HttpStatusCode.NotFound, "unknown model 'no_such_model'")]
    [InlineData("/v1/models/no_such_model/metadata", HttpStatusCode.NotFound, "unknown model 'no_such_model'")]
    [InlineData("/v1/models/multiplier/versions/9", HttpStatusCode.NotFound, "unknown version 9 of model 'multiplier'")]
    [InlineData("/v1/models/multiplier/versions/9/metadata", HttpStatusCode.NotFound, "unknown version 9 of model 'multiplier'")]
    [InlineData("/v1/models/multiplier/versions/99999999999999999999", HttpStatusCode.BadRequest, "model version '99999999999999999999' of model 'multiplier' is not a version number")]
    [InlineData("/v1/models/multiplier/versions/latest", HttpStatusCode.BadRequest, "Malformed request: GET /v1/models/multiplier/versions/latest")]
    [InlineData("/v1/models/multiplier:predict", HttpStatusCode.BadRequest, "Malformed request: GET /v1/models/multiplier:predict")]
    [InlineData("/v1/models", HttpStatusCode.BadRequest, "Missing model name in request.")]
    [InlineData("/v1/models/multiplier/labels/stable", HttpStatusCode.BadRequest, "model 'multiplier' has no version label 'stable' (it has none)")]
    public async Task A_bad_status_or_metadata_request_gets_the_status_and_a_clear_error(string path, HttpStatusCode expectedStatus, string expectedMessage)
    {
        var (status, body) = await Client.GetJsonAsync(path);

        Assert.Equal(expectedStatus, status);
        Assert.Contains(expectedMessage, HttpJson.ErrorOf(body), StringComparison.Ordinal);
    }

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\nactual {actual?.ToJsonString()}");
}

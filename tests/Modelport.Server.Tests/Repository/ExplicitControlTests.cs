using System.Net;
using System.Text.Json.Nodes;
using Modelport.Core.Repository;
using Modelport.Server.Tests.TestSupport;

namespace Modelport.Server.Tests.Repository;

public sealed class ExplicitControlTests : IAsyncLifetime
{
    private readonly TempRepository _repository = new();
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        _repository.WriteModel("scale", 1, TestModels.Scale(2)).WriteModel("other", 1, TestModels.Scale(5));
        _server = await TestServer.StartAsync(new ModelRepositoryOptions
        {
            RepositoryPaths = [_repository.Path],
            ControlMode = ModelControlMode.Explicit,
            StartupModels = ["other"],
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _repository.Dispose();
    }

    [Fact]
    public async Task Only_the_startup_models_load_and_the_index_still_lists_the_rest()
    {
        var (_, index) = await _server.Client.PostAsync("/v2/repository/index", "");

        var rows = index!.AsArray().ToDictionary(row => row!["name"]!.GetValue<string>(), row => row!["state"]!.GetValue<string>());
        Assert.Equal("READY", rows["other"]);
        Assert.Equal("UNAVAILABLE", rows["scale"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _server.Client.PostAsync("/v2/models/scale/infer", TestModels.ScaleRequest)).Status);
    }

    [Fact]
    public async Task Load_then_unload_makes_a_model_serve_then_stop()
    {
        var (loadStatus, _) = await _server.Client.PostAsync("/v2/repository/models/scale/load", "");
        var (inferStatus, inferred) = await _server.Client.PostAsync("/v2/models/scale/infer", TestModels.ScaleRequest);
        var (unloadStatus, _) = await _server.Client.PostAsync("/v2/repository/models/scale/unload", "");
        var (afterStatus, after) = await _server.Client.PostAsync("/v2/models/scale/infer", TestModels.ScaleRequest);
        var (_, index) = await _server.Client.PostAsync("/v2/repository/index", "{}");

        Assert.Equal(HttpStatusCode.OK, loadStatus);
        Assert.Equal(HttpStatusCode.OK, inferStatus);
        Assert.Equal([2f, 4f, 6f, 8f], inferred!["outputs"]![0]!["data"]!.AsArray().Select(node => node!.GetValue<float>()));
        Assert.Equal(HttpStatusCode.OK, unloadStatus);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, afterStatus);
        Assert.Contains("unloaded", HttpJson.ErrorOf(after), StringComparison.Ordinal);
        var row = index!.AsArray().Single(row => row!["name"]!.GetValue<string>() == "scale");
        Assert.Equal("UNAVAILABLE", row!["state"]!.GetValue<string>());
        Assert.Equal("unloaded", row["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Load_with_a_config_override_serves_with_that_config()
    {
        var config = new JsonObject { ["max_batch_size"] = 2 }.ToJsonString();
        var body = new JsonObject { ["parameters"] = new JsonObject { ["config"] = config } }.ToJsonString();

        var (status, _) = await _server.Client.PostAsync("/v2/repository/models/scale/load", body);
        var (_, served) = await _server.Client.GetJsonAsync("/v2/models/scale/config");
        var (tooLargeStatus, tooLarge) = await _server.Client.PostAsync(
            "/v2/models/scale/infer", """{"inputs":[{"name":"X","datatype":"FP32","shape":[3,4],"data":[1,2,3,4,1,2,3,4,1,2,3,4]}]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, served!["max_batch_size"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, tooLargeStatus);
        Assert.Contains("max_batch_size 2", HttpJson.ErrorOf(tooLarge), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v2/repository/models/missing/load", "", HttpStatusCode.NotFound, "no model named 'missing'")]
    [InlineData("/v2/repository/models/missing/unload", "", HttpStatusCode.NotFound, "unknown model 'missing'")]
    [InlineData("/v2/repository/models/scale/load", """{"parameters":{"config":"{\"max_batch_size\": \"many\"}"}}""", HttpStatusCode.BadRequest, "load parameter 'config' is not a valid model config")]
    [InlineData("/v2/repository/models/scale/load", """{"parameters":{"config":7}}""", HttpStatusCode.BadRequest, "load parameter 'config' must be a string")]
    [InlineData("/v2/repository/models/scale/load", """{"parameters":{"file:1/model.onnx":"AAAA"}}""", HttpStatusCode.NotImplemented, "file overrides are not supported")]
    [InlineData("/v2/repository/models/scale/load", "{not json", HttpStatusCode.BadRequest, "not valid JSON")]
    public async Task Repository_requests_that_cannot_be_done_get_a_clear_error(string path, string body, HttpStatusCode expected, string message)
    {
        var (status, answer) = await _server.Client.PostAsync(path, body);

        Assert.Equal(expected, status);
        Assert.Contains(message, HttpJson.ErrorOf(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_explicit_mode_the_repository_api_refuses_to_load()
    {
        await using var server = await TestServer.StartAsync(_repository.Path, ModelControlMode.None);

        var (status, answer) = await server.Client.PostAsync("/v2/repository/models/scale/load", "");

        Assert.Equal(HttpStatusCode.NotImplemented, status);
        Assert.Contains("--model-control-mode=explicit", HttpJson.ErrorOf(answer), StringComparison.Ordinal);
    }
}

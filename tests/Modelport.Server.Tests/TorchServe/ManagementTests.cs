using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Google.Protobuf;

namespace Modelport.Server.Tests.TorchServe;

public sealed class ManagementTests : IAsyncLifetime
{
    private ManagementServer _server = null!;

    public async Task InitializeAsync() => _server = await ManagementServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Listing_pages_through_the_loaded_models_by_limit_and_next_page_token()
    {
        var (_, first) = await _server.Management.SendAsync(HttpMethod.Get, "/models?limit=1");
        var (_, second) = await _server.Management.SendAsync(HttpMethod.Get, "/models?limit=1&next_page_token=1");

        Assert.Equal("""{"nextPageToken":"1","models":[{"modelName":"multiplier","modelUrl":"multiplier"}]}""", first!.ToJsonString());
        Assert.Equal("""{"models":[{"modelName":"simple","modelUrl":"simple"}]}""", second!.ToJsonString());
    }

    [Fact]
    public async Task Describing_a_model_gives_its_default_version_a_named_one_or_all()
    {
        var (_, latest) = await _server.Management.SendAsync(HttpMethod.Get, "/models/multiplier");
        var (_, named) = await _server.Management.SendAsync(HttpMethod.Get, "/models/multiplier/1.0");
        var (_, all) = await _server.Management.SendAsync(HttpMethod.Get, "/models/multiplier/all");

        Assert.Equal(
            """[{"modelName":"multiplier","modelVersion":"2","modelUrl":"multiplier","minWorkers":1,"maxWorkers":1,"batchSize":1,"maxBatchDelay":0,"loadedAtStartup":true,"workers":[{"id":"1","status":"READY","gpu":false}]}]""",
            latest!.ToJsonString());
        Assert.Equal("1", named![0]!["modelVersion"]!.GetValue<string>());
        Assert.Equal(["1", "2"], all!.AsArray().Select(entry => entry!["modelVersion"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Describing_an_unknown_model_is_model_not_found()
    {
        var (status, body) = await _server.Management.SendAsync(HttpMethod.Get, "/models/nope");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(("ModelNotFoundException", "Model not found: nope"), TorchServeJson.ErrorOf(status, body));
    }

    [Fact]
    public async Task Scaling_synchronously_sets_the_instance_count_and_the_model_keeps_serving()
    {
        var (status, body) = await _server.Management.SendAsync(HttpMethod.Put, "/models/simple?min_worker=3&synchronous=true");
        var (_, described) = await _server.Management.SendAsync(HttpMethod.Get, "/models/simple");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Workers scaled to 3 for model: simple", body!["status"]!.GetValue<string>());
        Assert.Equal(3, described![0]!["workers"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.OK, (await PredictAsync("multiplier")).Status);
    }

    [Fact]
    public async Task Scaling_without_synchronous_answers_202_and_applies_the_count_afterwards()
    {
        var (status, _) = await _server.Management.SendAsync(HttpMethod.Put, "/models/multiplier/2?min_worker=2");

        Assert.Equal(HttpStatusCode.Accepted, status);
        await _server.Server.WaitUntilAsync(() =>
        {
            using var lease = _server.Server.Models.Acquire("multiplier", "2").Value;
            return lease.Handle.Config.InstanceGroup is [{ Count: 2 }];
        });
    }

    [Fact]
    public async Task Setting_a_default_version_makes_torchserve_and_kserve_requests_without_version_use_it()
    {
        var (status, body) = await _server.Management.SendAsync(HttpMethod.Put, "/models/multiplier/1.0/set-default");
        var (_, predicted) = await PredictAsync("multiplier");
        using var infer = new StringContent("""{"inputs":[{"name":"INPUT","datatype":"FP32","shape":[1,4],"data":[1,2,3,4]}]}""", Encoding.UTF8, "application/json");
        var (_, kserve) = await _server.Inference.SendAsync(HttpMethod.Post, "/v2/models/multiplier/infer", infer);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Default version successfully updated for model \"multiplier\" to \"1\"", body!["status"]!.GetValue<string>());
        Assert.Equal("[[2,4,6,8]]", predicted!.ToJsonString());
        Assert.Equal("1", kserve!["model_version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Setting_an_unknown_version_as_default_is_not_found()
    {
        var (status, body) = await _server.Management.SendAsync(HttpMethod.Put, "/models/multiplier/7/set-default");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(("ModelNotFoundException", "unknown version 7 of model 'multiplier'"), TorchServeJson.ErrorOf(status, body));
    }

    [Fact]
    public async Task Unregistering_a_registered_model_stops_it_and_deletes_its_registered_folder()
    {
        _server.Store.WriteBytes("doubler/1/model.onnx", TestModels.Scale(2).Build().ToByteArray());
        await _server.Management.SendAsync(HttpMethod.Post, "/models?url=doubler&synchronous=true");

        var (status, body) = await _server.Management.SendAsync(HttpMethod.Delete, "/models/doubler");
        var (after, _) = await PredictAsync("doubler");
        var (_, listed) = await _server.Management.SendAsync(HttpMethod.Get, "/models");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Model \"doubler\" unregistered", body!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after);
        Assert.False(Directory.Exists(Path.Combine(_server.RegisteredRoot, "doubler")));
        Assert.DoesNotContain("doubler", listed!["models"]!.AsArray().Select(model => model!["modelName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Unregistering_one_version_while_others_serve_is_refused_because_core_unloads_whole_models()
    {
        var (status, body) = await _server.Management.SendAsync(HttpMethod.Delete, "/models/multiplier/1");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(
            "Modelport unloads whole models, and model 'multiplier' also serves version(s) 2; DELETE /models/multiplier unregisters every version",
            TorchServeJson.ErrorOf(status, body).Message);
        Assert.Equal(HttpStatusCode.OK, (await PredictAsync("multiplier/1")).Status);
    }

    [Fact]
    public async Task Unregistering_the_only_version_of_a_model_unloads_it()
    {
        var (status, _) = await _server.Management.SendAsync(HttpMethod.Delete, "/models/simple/1.0");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(_server.Server.Models.ReadyVersions("simple"));
    }

    [Fact]
    public async Task Unregistering_an_unknown_model_is_model_not_found()
    {
        var (status, body) = await _server.Management.SendAsync(HttpMethod.Delete, "/models/nope");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("ModelNotFoundException", TorchServeJson.ErrorOf(status, body).Type);
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> PredictAsync(string path)
    {
        using var content = new StringContent("[[1,2,3,4]]", Encoding.UTF8, "application/json");
        return await _server.Inference.SendAsync(HttpMethod.Post, "/predictions/" + path, content);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Modelport.Core.Repository;
using Modelport.Server.Tests.TestSupport;
using Modelport.Server.Tests.TestSupport.Clients;

namespace Modelport.Server.Tests.Repository;

public sealed class ExplicitControlTests : IAsyncLifetime
{
    private static readonly InferCall ScaleCall = new("scale", [Tensor.Fp32("X", [1, 4], 1, 2, 3, 4)]);

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

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Only_the_startup_models_load_and_the_index_still_lists_the_rest(Transport transport)
    {
        var client = _server.ClientFor(transport);

        var rows = (await client.RepositoryIndexAsync()).ToDictionary(row => row.Name, row => row.State);

        Assert.Equal("READY", rows["other"]);
        Assert.Equal("UNAVAILABLE", rows["scale"]);
        Assert.Equal(ApiError.NotFound, (await Assert.ThrowsAsync<ApiException>(() => client.InferAsync(ScaleCall))).Code);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Load_then_unload_makes_a_model_serve_then_stop(Transport transport)
    {
        var client = _server.ClientFor(transport);

        await client.LoadAsync("scale");
        var inferred = await client.InferAsync(ScaleCall);
        await client.UnloadAsync("scale");
        var after = await Assert.ThrowsAsync<ApiException>(() => client.InferAsync(ScaleCall));
        var row = (await client.RepositoryIndexAsync()).Single(row => row.Name == "scale");

        Assert.Equal([2f, 4f, 6f, 8f], inferred.Output("Y").AsFp32s());
        Assert.Equal(ApiError.Unavailable, after.Code);
        Assert.Contains("unloaded", after.Message, StringComparison.Ordinal);
        Assert.Equal("UNAVAILABLE", row.State);
        Assert.Equal("unloaded", row.Reason);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Load_with_a_config_override_serves_with_that_config(Transport transport)
    {
        var client = _server.ClientFor(transport);
        var config = new JsonObject { ["max_batch_size"] = 2 }.ToJsonString();

        await client.LoadAsync("scale", new Dictionary<string, object> { ["config"] = config });
        var served = await client.ModelConfigAsync("scale");
        var tooLarge = await Assert.ThrowsAsync<ApiException>(() => client.InferAsync(ScaleCall with { Inputs = [Tensor.Fp32("X", [3, 4], new float[12])] }));

        Assert.Equal(2, served.MaxBatchSize);
        Assert.Equal(ApiError.InvalidArgument, tooLarge.Code);
        Assert.Contains("max_batch_size 2", tooLarge.Message, StringComparison.Ordinal);
    }

    public static TheoryData<Transport, string> RefusedLoads => Transports.With(["missing load", "missing unload", "config that is not a config", "config that is not a string", "file override"]);

    [Theory]
    [MemberData(nameof(RefusedLoads))]
    public async Task Repository_requests_that_cannot_be_done_get_a_clear_error(Transport transport, string description)
    {
        var client = _server.ClientFor(transport);
        Func<Task> call = description switch
        {
            "missing load" => () => client.LoadAsync("missing"),
            "missing unload" => () => client.UnloadAsync("missing"),
            "config that is not a config" => () => client.LoadAsync("scale", new Dictionary<string, object> { ["config"] = """{"max_batch_size": "many"}""" }),
            "config that is not a string" => () => client.LoadAsync("scale", new Dictionary<string, object> { ["config"] = 7L }),
            _ => () => client.LoadAsync("scale", new Dictionary<string, object> { ["file:1/model.onnx"] = "AAAA" }),
        };
        (ApiError code, string message) expected = description switch
        {
            "missing load" => (ApiError.NotFound, "no model named 'missing'"),
            "missing unload" => (ApiError.NotFound, "unknown model 'missing'"),
            "config that is not a config" => (ApiError.InvalidArgument, "load parameter 'config' is not a valid model config"),
            "config that is not a string" => (ApiError.InvalidArgument, "load parameter 'config' must be a string"),
            _ => (ApiError.Unimplemented, "file overrides are not supported"),
        };

        var error = await Assert.ThrowsAsync<ApiException>(call);

        Assert.Equal(expected.code, error.Code);
        Assert.Contains(expected.message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_load_body_that_is_not_json_is_refused()
    {
        var (status, answer) = await _server.Client.PostAsync("/v2/repository/models/scale/load", "{not json");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("not valid JSON", HttpJson.ErrorOf(answer), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Without_explicit_mode_the_repository_api_refuses_to_load(Transport transport)
    {
        await using var server = await TestServer.StartAsync(_repository.Path, ModelControlMode.None);

        var error = await Assert.ThrowsAsync<ApiException>(() => server.ClientFor(transport).LoadAsync("scale"));

        Assert.Equal(ApiError.Unimplemented, error.Code);
        Assert.Contains("--model-control-mode=explicit", error.Message, StringComparison.Ordinal);
    }
}

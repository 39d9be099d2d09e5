using Modelport.Client.Tests.TestSupport;
using Modelport.Core.Repository;

namespace Modelport.Client.Tests.Repository;

/// <summary>The repository extension against a server with explicit model control; a fresh server per test.</summary>
public sealed class RepositoryTests : IAsyncLifetime
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

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task The_index_lists_loaded_and_unloaded_models(Transport transport)
    {
        using var client = _server.Client(transport);

        var index = await client.GetRepositoryIndexAsync();
        var ready = await client.GetRepositoryIndexAsync(readyOnly: true);

        Assert.Equal("READY", index.Single(row => row.Name == "other").State);
        Assert.Equal("UNAVAILABLE", index.Single(row => row.Name == "scale").State);
        Assert.Equal(["other"], ready.Select(row => row.Name));
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Load_then_unload_makes_a_model_serve_then_stop(Transport transport)
    {
        using var client = _server.Client(transport);

        await client.LoadModelAsync("scale");
        var served = await client.InferAsync("scale", ClientRequests.Scale());
        await client.UnloadModelAsync("scale");
        var after = await Assert.ThrowsAsync<InferenceServerException>(() => client.InferAsync("scale", ClientRequests.Scale()));

        Assert.Equal([2f, 4f, 6f, 8f], served.GetOutput("Y").ToArray<float>());
        Assert.Equal(ErrorKind.Unavailable, after.ErrorKind);
        Assert.Contains("unloaded", after.Message, StringComparison.Ordinal);
        Assert.False(await client.IsModelReadyAsync("scale"));
        Assert.Equal("unloaded", (await client.GetRepositoryIndexAsync()).Single(row => row.Name == "scale").Reason);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Load_with_a_config_serves_with_that_config(Transport transport)
    {
        using var client = _server.Client(transport);

        await client.LoadModelAsync("scale", """{"max_batch_size": 2}""");
        var config = await client.GetModelConfigAsync("scale");
        var tooLarge = await Assert.ThrowsAsync<InferenceServerException>(
            () => client.InferAsync("scale", new InferRequest(InferInput.Create("X", new float[12], 3, 4))));

        Assert.Equal(2, config.GetProperty("max_batch_size").GetInt32());
        Assert.Equal(ErrorKind.InvalidArgument, tooLarge.ErrorKind);
        Assert.Contains("max_batch_size 2", tooLarge.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Loading_a_model_that_is_not_in_the_repository_is_NotFound(Transport transport)
    {
        using var client = _server.Client(transport);

        var load = await Assert.ThrowsAsync<InferenceServerException>(() => client.LoadModelAsync("missing"));
        var badConfig = await Assert.ThrowsAsync<InferenceServerException>(() => client.LoadModelAsync("scale", "{not json"));

        Assert.Equal(ErrorKind.NotFound, load.ErrorKind);
        Assert.Contains("missing", load.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorKind.InvalidArgument, badConfig.ErrorKind);
    }
}

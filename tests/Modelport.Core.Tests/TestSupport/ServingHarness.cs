using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Modelport.Core.Inference;
using Modelport.Core.Lifecycle;
using Modelport.Core.Repository;

namespace Modelport.Core.Tests.TestSupport;

/// <summary>A model manager and inference service over a temporary repository, the fake backend and a fake clock.</summary>
internal sealed class ServingHarness : IAsyncDisposable
{
    private ModelManager? _manager;

    public TestRepository Repository { get; } = new();

    public FakeBackend Backend { get; } = new();

    public FakeTimeProvider Clock { get; } = new();

    public ModelManager Manager => _manager ?? throw new InvalidOperationException("Create or start the manager first.");

    public InferenceService Service => new(Manager, Clock);

    public ModelRepositoryOptions Options(ModelControlMode mode = ModelControlMode.None) =>
        new() { RepositoryPaths = [Repository.Path], ControlMode = mode };

    public ModelManager Create(ModelRepositoryOptions options) =>
        _manager = new ModelManager(options, [Backend], Clock, NullLogger<ModelManager>.Instance);

    public Task<ModelManager> StartAsync(ModelControlMode mode = ModelControlMode.None) => StartAsync(Options(mode));

    public async Task<ModelManager> StartAsync(ModelRepositoryOptions options)
    {
        var manager = Create(options);
        await manager.StartAsync(CancellationToken.None);
        return manager;
    }

    /// <summary>Infers on the model with one INT32 input; returns "version: elements" of the first output.</summary>
    public Task<string> InferAsync(string model, params int[] values) => InferVersionAsync(model, null, values);

    public async Task<string> InferVersionAsync(string model, string? version, params int[] values)
    {
        var result = await Service.InferAsync(Requests.Int32(model, version, values), CancellationToken.None);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        using var response = result.Value;
        return $"{response.ModelVersion}: {string.Join(",", TensorData.Int32s(response.Outputs[0]))}";
    }

    public ModelVersionStatus Row(string model, string version) =>
        Assert.Single(Manager.GetIndex(), row => row.Name == model && row.Version == version);

    public async ValueTask DisposeAsync()
    {
        Backend.ReleaseHolds();
        if (_manager is not null)
        {
            await _manager.DisposeAsync();
        }

        Repository.Dispose();
    }
}

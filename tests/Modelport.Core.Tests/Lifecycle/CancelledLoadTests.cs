using Modelport.Core.Lifecycle;
using Modelport.Core.Repository;
using Modelport.Core.Tests.TestSupport;

namespace Modelport.Core.Tests.Lifecycle;

/// <summary>The repository API passes the client's cancellation to a load; a client that gives up must not wedge the model.</summary>
public sealed class CancelledLoadTests : IAsyncLifetime
{
    private readonly ServingHarness _harness = new();

    public Task InitializeAsync() => _harness.StartAsync(ModelControlMode.Explicit);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_cancelled_load_fails_the_version_it_interrupted_and_publishes_the_versions_that_loaded()
    {
        _harness.Repository.AddModel("m", "version_policy: { all: {} }\n", 1, 2);
        var model = _harness.Backend.Model("m");
        model.HoldLoads(2);
        using var client = new CancellationTokenSource();

        var load = _harness.Manager.LoadModelAsync("m", null, client.Token);
        await Task.WhenAll(model.LoadStarted(1), model.LoadStarted(2)).WaitAsync(TestTimeouts.Guard);
        await client.CancelAsync();

        Assert.Equal("failed to load model 'm': version 2: the load was cancelled", (await load)?.Message);
        Assert.Equal(ModelState.Ready, _harness.Row("m", "1").State);
        Assert.Equal(new ModelVersionStatus("m", "2", ModelState.Unavailable, "the load was cancelled"), _harness.Row("m", "2"));
        Assert.Equal("1: 1", await _harness.InferAsync("m", 0));
    }
}

using Modelport.Core.Lifecycle;
using Modelport.Core.Repository;
using Modelport.Core.Tests.TestSupport;

namespace Modelport.Core.Tests.Lifecycle;

/// <summary>The lifecycle rule: a reload builds the new version off the request path and swaps it in atomically.</summary>
public sealed class ReloadTests : IAsyncLifetime
{
    private readonly ServingHarness _harness = new();

    private FakeModelBehaviour Model => _harness.Backend.Model("m");

    public async Task InitializeAsync()
    {
        _harness.Repository.AddModel("m", versions: 1);
        await _harness.StartAsync(ModelControlMode.Poll);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task While_a_new_version_loads_requests_are_served_by_the_old_one_then_all_by_the_new_one()
    {
        var load = Model.HoldLoads(2);
        _harness.Repository.WriteVersion("m", 2);

        var rescan = _harness.Manager.RescanAsync(CancellationToken.None);
        await Model.LoadStarted(2).WaitAsync(TestTimeouts.Guard);

        Assert.Equal("1: 11", await _harness.InferAsync("m", 10));
        Assert.Equal(ModelState.Ready, _harness.Row("m", "1").State);
        Assert.Equal(ModelState.Loading, _harness.Row("m", "2").State);

        load.SetResult();
        await rescan;

        Assert.Equal("2: 12", await _harness.InferAsync("m", 10));
        Assert.Equal(["2"], _harness.Manager.GetIndex().Select(row => row.Version));
    }

    [Fact]
    public async Task A_request_in_flight_finishes_on_the_old_version_which_is_disposed_once_its_response_is_disposed()
    {
        var execution = Model.HoldExecutions(1);
        var inFlight = _harness.Service.InferAsync(Requests.Int32("m", 10), CancellationToken.None).AsTask();
        _harness.Repository.WriteVersion("m", 2);
        await _harness.Manager.RescanAsync(CancellationToken.None);

        Assert.Equal("2: 12", await _harness.InferAsync("m", 10));
        var old = Assert.Single(Model.Loaded, model => model.Version == 1);
        Assert.Equal(0, old.DisposeCount);

        execution.SetResult();
        using (var response = (await inFlight).Value)
        {
            Assert.Equal("1", response.ModelVersion);
            Assert.Equal([11], TensorData.Int32s(response.Outputs[0]));
            Assert.Equal(0, old.DisposeCount);
        }

        await old.Disposed.WaitAsync(TestTimeouts.Guard);
        Assert.All(old.Instances, instance => Assert.Equal(1, instance.DisposeCount));
    }

    [Fact]
    public async Task A_lease_taken_before_the_swap_keeps_its_handle_until_released()
    {
        var lease = _harness.Manager.Acquire("m", null).Value;
        _harness.Repository.WriteVersion("m", 2);
        await _harness.Manager.RescanAsync(CancellationToken.None);

        using (var current = _harness.Manager.Acquire("m", null).Value)
        {
            Assert.Equal(2, current.Handle.Version);
        }

        Assert.Equal(1, lease.Handle.Version);
        Assert.False(lease.Handle.Disposed.IsCompleted);

        lease.Dispose();

        await lease.Handle.Disposed.WaitAsync(TestTimeouts.Guard);
    }

    [Fact]
    public async Task Every_version_loaded_over_several_reloads_is_disposed_exactly_once()
    {
        _harness.Repository.WriteVersion("m", 2);
        await _harness.Manager.RescanAsync(CancellationToken.None);
        _harness.Repository.WriteVersion("m", 2, "retrained weights");
        await _harness.Manager.RescanAsync(CancellationToken.None);
        _harness.Repository.WriteVersion("m", 3);
        await _harness.Manager.RescanAsync(CancellationToken.None);

        await _harness.Manager.DisposeAsync();

        Assert.Equal([1L, 2, 2, 3], Model.Loaded.Select(model => model.Version));
        Assert.All(Model.Loaded, model => Assert.Equal(1, model.DisposeCount));
        Assert.All(Model.Loaded.SelectMany(model => model.Instances), instance => Assert.Equal(1, instance.DisposeCount));
    }
}

using Modelport.Core.Lifecycle;
using Modelport.Core.Repository;
using Modelport.Core.Tests.TestSupport;

namespace Modelport.Core.Tests.Lifecycle;

public sealed class FailedReloadTests : IAsyncLifetime
{
    private readonly ServingHarness _harness = new();

    private FakeModelBehaviour Model => _harness.Backend.Model("m");

    public async Task InitializeAsync()
    {
        _harness.Repository.AddModel("m", "max_batch_size: 0\n", 1);
        await _harness.StartAsync(ModelControlMode.Poll);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_new_version_that_fails_to_load_leaves_the_old_one_serving()
    {
        _harness.Repository.WriteVersion("m", 2, "fail: truncated weights");

        await _harness.Manager.RescanAsync(CancellationToken.None);

        Assert.Equal("1: 1", await _harness.InferAsync("m", 0));
        Assert.Equal(ModelState.Ready, _harness.Row("m", "1").State);
        Assert.Equal(new ModelVersionStatus("m", "2", ModelState.Unavailable, "truncated weights"), _harness.Row("m", "2"));
        Assert.Equal(0, Model.Loaded.Single().DisposeCount);
    }

    [Fact]
    public async Task A_fixed_version_then_replaces_the_old_one()
    {
        _harness.Repository.WriteVersion("m", 2, "fail: truncated weights");
        await _harness.Manager.RescanAsync(CancellationToken.None);

        _harness.Repository.WriteVersion("m", 2, "complete weights");
        await _harness.Manager.RescanAsync(CancellationToken.None);

        Assert.Equal("2: 2", await _harness.InferAsync("m", 0));
        Assert.Equal([new ModelVersionStatus("m", "2", ModelState.Ready, string.Empty)], _harness.Manager.GetIndex());
        await Model.Loaded.First().Disposed.WaitAsync(TestTimeouts.Guard);
    }

    [Fact]
    public async Task A_broken_config_edit_leaves_the_loaded_version_serving_with_the_reason_in_the_index()
    {
        _harness.Repository.WriteFile("m/config.pbtxt", "max_batch_size: [\n");

        await _harness.Manager.RescanAsync(CancellationToken.None);

        Assert.Equal("1: 1", await _harness.InferAsync("m", 0));
        var row = _harness.Row("m", "1");
        Assert.Equal(ModelState.Ready, row.State);
        Assert.StartsWith("reload failed: ", row.Reason, StringComparison.Ordinal);
        Assert.Contains("config.pbtxt", row.Reason, StringComparison.Ordinal);
        Assert.Equal(1, Model.LoadCalls);
    }
}

using Modelport.Core.Errors;
using Modelport.Core.Lifecycle;
using Modelport.Core.Repository;
using Modelport.Core.Tests.TestSupport;

namespace Modelport.Core.Tests.Lifecycle;

public sealed class PollingTests : IAsyncLifetime
{
    private const string LabelledConfig = """
        input [{ name: "INPUT0" data_type: TYPE_INT32 dims: [-1] }]
        output [{ name: "OUTPUT0" data_type: TYPE_INT32 dims: [-1] label_filename: "labels.txt" }]
        """;

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    private readonly ServingHarness _harness = new();

    public async Task InitializeAsync()
    {
        _harness.Repository.AddModel("m", LabelledConfig, 1).WriteFile("m/labels.txt", "cat\ndog\n");
        await _harness.StartAsync(_harness.Options(ModelControlMode.Poll) with { PollInterval = PollInterval });
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task When_the_poll_interval_passes_a_new_model_loads()
    {
        _harness.Repository.AddModel("late", versions: 1);

        _harness.Clock.Advance(PollInterval);
        await _harness.Backend.Model("late").LoadStarted(1).WaitAsync(TestTimeouts.Guard);
        // A rescan waits for the poll's load of the model to finish (it holds the model's gate) and changes nothing.
        await _harness.Manager.RescanAsync(CancellationToken.None);

        Assert.Equal("1: 1", await _harness.InferAsync("late", 0));
        Assert.Equal(1, _harness.Backend.Model("late").LoadCalls);
    }

    [Fact]
    public async Task A_removed_model_unloads()
    {
        _harness.Repository.DeleteFolder("m");

        await _harness.Manager.RescanAsync(CancellationToken.None);

        Assert.Equal(InferenceErrorKind.NotFound, _harness.Manager.Acquire("m", null).Error?.Kind);
        Assert.Empty(_harness.Manager.GetIndex());
        await _harness.Backend.Model("m").Loaded.Single().Disposed.WaitAsync(TestTimeouts.Guard);
    }

    [Fact]
    public async Task An_unchanged_model_is_not_reloaded()
    {
        for (var rescan = 0; rescan < 3; rescan++)
        {
            await _harness.Manager.RescanAsync(CancellationToken.None);
        }

        Assert.Equal(1, _harness.Backend.Model("m").LoadCalls);
    }

    [Fact]
    public async Task A_changed_config_reloads_the_model()
    {
        _harness.Repository.WriteFile("m/config.pbtxt", LabelledConfig + "max_batch_size: 4\n");

        await _harness.Manager.RescanAsync(CancellationToken.None);

        Assert.Equal(2, _harness.Backend.Model("m").LoadCalls);
        Assert.Equal(4, _harness.Service.GetConfig("m", null).Value.MaxBatchSize);
    }

    [Fact]
    public async Task A_changed_labels_file_reloads_the_model()
    {
        _harness.Repository.WriteFile("m/labels.txt", "cat\ndog\nbird\n");

        await _harness.Manager.RescanAsync(CancellationToken.None);

        Assert.Equal(2, _harness.Backend.Model("m").LoadCalls);
        using var lease = _harness.Manager.Acquire("m", null).Value;
        Assert.Equal(["cat", "dog", "bird"], lease.Handle.Signature.Outputs[0].Labels!);
    }

    [Fact]
    public async Task A_changed_file_in_a_subfolder_outside_the_versions_reloads_the_model()
    {
        _harness.Repository.WriteFile("m/warmup/sample.bin", "before");
        await _harness.Manager.RescanAsync(CancellationToken.None);
        var loadsBefore = _harness.Backend.Model("m").LoadCalls;

        _harness.Repository.WriteFile("m/warmup/sample.bin", "after, longer");
        await _harness.Manager.RescanAsync(CancellationToken.None);

        Assert.Equal(loadsBefore + 1, _harness.Backend.Model("m").LoadCalls);
    }

    [Fact]
    public async Task When_one_version_folder_changes_only_that_version_reloads()
    {
        _harness.Repository.AddModel("multi", "version_policy: { all: {} }\n", 1, 2);
        await _harness.Manager.RescanAsync(CancellationToken.None);
        var multi = _harness.Backend.Model("multi");
        var version1 = Handle("multi", "1");
        var old2 = Assert.Single(multi.Loaded, model => model.Version == 2);

        _harness.Repository.WriteVersion("multi", 2, "retrained weights");
        await _harness.Manager.RescanAsync(CancellationToken.None);

        Assert.Equal(1, multi.LoadCallsOf(1));
        Assert.Equal(2, multi.LoadCallsOf(2));
        Assert.Same(version1, Handle("multi", "1"));
        Assert.NotSame(old2, multi.Loaded.Last());
        await old2.Disposed.WaitAsync(TestTimeouts.Guard);
    }

    private ModelHandle Handle(string model, string version)
    {
        using var lease = _harness.Manager.Acquire(model, version).Value;
        return lease.Handle;
    }
}

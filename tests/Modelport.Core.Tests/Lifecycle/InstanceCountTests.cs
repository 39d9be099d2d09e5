using Modelport.Core.Configuration;
using Modelport.Core.Errors;
using Modelport.Core.Lifecycle;
using Modelport.Core.Repository;
using Modelport.Core.Tests.TestSupport;

namespace Modelport.Core.Tests.Lifecycle;

public sealed class InstanceCountTests : IAsyncLifetime
{
    private readonly ServingHarness _harness = new();

    private FakeModelBehaviour Model => _harness.Backend.Model("m");

    public async Task InitializeAsync()
    {
        _harness.Repository.AddModel("m", "instance_group [{ count: 1 kind: KIND_CPU }, { count: 2 }]\nversion_policy: { all { } }\n", 1, 2);
        await _harness.StartAsync(_harness.Options(ModelControlMode.Explicit) with { StartupModels = ["m"] });
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Setting_the_count_serves_every_version_with_that_many_instances_of_the_first_groups_kind()
    {
        Assert.Null(await _harness.Manager.SetInstanceCountAsync("m", null, 4, CancellationToken.None));

        using var lease = _harness.Manager.Acquire("m", "1").Value;
        var group = Assert.Single(lease.Handle.Config.InstanceGroup);
        Assert.Equal(4, group.Count);
        Assert.Equal(ModelInstanceGroup.Types.Kind.Cpu, group.Kind);
        Assert.Equal([4, 4], Model.Loaded.Skip(2).Select(model => model.Instances.Count));
        Assert.Equal("1: 1", await _harness.InferVersionAsync("m", "1", 0));
        Assert.Equal("2: 2", await _harness.InferVersionAsync("m", "2", 0));
    }

    [Fact]
    public async Task The_replaced_instances_are_disposed_once_the_new_ones_serve()
    {
        var replaced = Model.Loaded.ToList();

        Assert.Null(await _harness.Manager.SetInstanceCountAsync("m", 2, 1, CancellationToken.None));

        await Task.WhenAll(replaced.Select(model => model.Disposed)).WaitAsync(TestTimeouts.Guard);
        Assert.All(replaced.SelectMany(model => model.Instances), instance => Assert.Equal(1, instance.DisposeCount));
        Assert.Equal(4, Model.Loaded.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task A_count_below_one_is_refused(int count)
    {
        var error = await _harness.Manager.SetInstanceCountAsync("m", null, count, CancellationToken.None);

        Assert.Equal(new InferenceError(InferenceErrorKind.InvalidArgument, $"the instance count of model 'm' must be 1 or more, not {count}"), error);
    }

    [Fact]
    public async Task An_unknown_model_or_version_is_not_found()
    {
        Assert.Equal(InferenceErrorKind.NotFound, (await _harness.Manager.SetInstanceCountAsync("nope", null, 2, CancellationToken.None))?.Kind);
        Assert.Equal(
            new InferenceError(InferenceErrorKind.NotFound, "unknown version 9 of model 'm'"),
            await _harness.Manager.SetInstanceCountAsync("m", 9, 2, CancellationToken.None));
    }

    [Fact]
    public async Task Outside_explicit_mode_scaling_is_unsupported()
    {
        await using var harness = new ServingHarness();
        harness.Repository.AddModel("m", versions: 1);
        await harness.StartAsync();

        Assert.Equal(InferenceErrorKind.Unsupported, (await harness.Manager.SetInstanceCountAsync("m", null, 2, CancellationToken.None))?.Kind);
    }
}

using Modelport.Core.Lifecycle;
using Modelport.Core.Tests.TestSupport;

namespace Modelport.Core.Tests.Lifecycle;

public sealed class InstanceGroupTests
{
    [Fact]
    public async Task Count_n_creates_n_instances_and_runs_at_most_n_executions_at_once()
    {
        await using var harness = new ServingHarness();
        harness.Repository.AddModel("m", "instance_group [{ count: 3 kind: KIND_CPU }]\n", 1);
        await harness.StartAsync();
        var model = harness.Backend.Model("m");
        var execution = model.HoldExecutions(1);

        // An idle instance takes a request synchronously, so once these calls return, three run and two wait.
        var requests = Enumerable.Range(0, 5)
            .Select(value => harness.Service.InferAsync(Requests.Int32("m", value), CancellationToken.None).AsTask())
            .ToList();

        Assert.Equal(3, model.Loaded.Single().Instances.Count);
        Assert.Equal(3, model.InFlight);
        Assert.Equal(3, model.Executions);

        execution.SetResult();
        foreach (var request in requests)
        {
            (await request).Value.Dispose();
        }

        Assert.Equal(5, model.Executions);
        Assert.Equal(3, model.MaxInFlight);
    }

    [Fact]
    public async Task The_groups_counts_add_up_and_a_group_without_count_has_one_instance()
    {
        await using var harness = new ServingHarness();
        harness.Repository.AddModel("m", "instance_group [{ count: 2 }, { kind: KIND_AUTO }]\n", 1);

        await harness.StartAsync();

        Assert.Equal(3, harness.Backend.Model("m").Loaded.Single().Instances.Count);
    }

    [Fact]
    public async Task A_gpu_instance_group_fails_the_load_with_a_reason_naming_the_group()
    {
        await using var harness = new ServingHarness();
        harness.Repository.AddModel("m", "instance_group [{ name: \"gpus\" kind: KIND_GPU }]\n", 1);

        await harness.StartAsync();

        Assert.Equal(
            new ModelVersionStatus("m", "1", ModelState.Unavailable, "instance_group 'gpus' has kind KIND_GPU, but this server runs models on the CPU; use KIND_CPU or KIND_AUTO"),
            harness.Row("m", "1"));
        Assert.Equal(0, harness.Backend.Model("m").LoadCalls);
    }

    [Fact]
    public async Task The_instance_count_changes_without_reloading_the_model()
    {
        await using var harness = new ServingHarness();
        harness.Repository.AddModel("m", "instance_group [{ count: 1 }]\n", 1);
        await harness.StartAsync();
        var model = harness.Backend.Model("m");
        var execution = model.HoldExecutions(1);

        Assert.Null(await harness.Manager.SetInstanceCountAsync("m", null, 3, CancellationToken.None));
        var requests = Enumerable.Range(0, 3)
            .Select(value => harness.Service.InferAsync(Requests.Int32("m", value), CancellationToken.None).AsTask())
            .ToList();

        Assert.Equal(3, model.InFlight);
        Assert.Equal(1, model.LoadCalls);
        Assert.Equal(3, harness.Service.GetConfig("m", null).Value.InstanceGroup.Single().Count);
        execution.SetResult();
        foreach (var request in requests)
        {
            (await request).Value.Dispose();
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(257)]
    public async Task An_instance_count_out_of_range_is_refused_naming_it(int count)
    {
        await using var harness = new ServingHarness();
        harness.Repository.AddModel("m", string.Empty, 1);
        await harness.StartAsync();

        var error = await harness.Manager.SetInstanceCountAsync("m", "1", count, CancellationToken.None);

        Assert.Equal(Errors.InferenceErrorKind.InvalidArgument, error!.Kind);
        Assert.Contains($"instance count {count}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_instance_count_of_an_unknown_model_is_not_found()
    {
        await using var harness = new ServingHarness();
        await harness.StartAsync();

        var error = await harness.Manager.SetInstanceCountAsync("ghost", null, 2, CancellationToken.None);

        Assert.Equal(Errors.InferenceErrorKind.NotFound, error!.Kind);
    }
}

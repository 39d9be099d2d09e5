using Modelport.Core.Tests.TestSupport;

namespace Modelport.Core.Tests.Lifecycle;

public sealed class ReadinessTests
{
    [Fact]
    public async Task The_manager_is_not_ready_until_start_finishes()
    {
        await using var harness = new ServingHarness();
        harness.Repository.AddModel("m", versions: 1);
        var load = harness.Backend.Model("m").HoldLoads(1);
        var manager = harness.Create(harness.Options());

        var start = manager.StartAsync(CancellationToken.None);
        await harness.Backend.Model("m").LoadStarted(1).WaitAsync(TestTimeouts.Guard);

        Assert.False(manager.IsStarted);
        Assert.False(manager.IsReady);

        load.SetResult();
        await start;

        Assert.True(manager.IsReady);
    }

    [Fact]
    public async Task With_strict_readiness_a_failed_model_makes_the_manager_not_ready()
    {
        await using var harness = new ServingHarness();
        harness.Repository.AddModel("good", versions: 1).AddModel("bad").WriteVersion("bad", 1, "fail: corrupt");

        var manager = await harness.StartAsync(harness.Options());

        Assert.True(manager.IsStarted);
        Assert.False(manager.IsReady);
    }

    [Fact]
    public async Task Without_strict_readiness_a_failed_model_leaves_the_manager_ready()
    {
        await using var harness = new ServingHarness();
        harness.Repository.AddModel("good", versions: 1).AddModel("bad").WriteVersion("bad", 1, "fail: corrupt");

        var manager = await harness.StartAsync(harness.Options() with { StrictReadiness = false });

        Assert.True(manager.IsReady);
    }
}

using Modelport.Core.Lifecycle;
using Modelport.Core.Repository;
using Modelport.Core.Tests.TestSupport;

namespace Modelport.Core.Tests.Lifecycle;

public sealed class LoadIsolationTests
{
    [Fact]
    public async Task A_slow_load_of_one_model_does_not_hold_up_inference_on_another()
    {
        await using var harness = new ServingHarness();
        harness.Repository.AddModel("slow", versions: 1).AddModel("fast", versions: 1);
        await harness.StartAsync(harness.Options(ModelControlMode.Explicit) with { StartupModels = ["fast"] });
        var slow = harness.Backend.Model("slow");
        var load = slow.HoldLoads(1);

        var loading = harness.Manager.LoadModelAsync("slow", null, CancellationToken.None);
        await slow.LoadStarted(1).WaitAsync(TestTimeouts.Guard);

        for (var request = 0; request < 10; request++)
        {
            Assert.Equal($"1: {request + 1}", await harness.InferAsync("fast", request));
        }

        Assert.False(loading.IsCompleted);
        Assert.Equal(ModelState.Loading, harness.Row("slow", "1").State);

        load.SetResult();

        Assert.Null(await loading);
        Assert.Equal("1: 1", await harness.InferAsync("slow", 0));
    }
}

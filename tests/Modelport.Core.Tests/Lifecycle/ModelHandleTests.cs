using Modelport.Core.Scheduling;
using Modelport.Core.Statistics;
using Modelport.Core.Configuration;
using Modelport.Core.Lifecycle;
using Modelport.Core.Models;
using Modelport.Core.Tests.TestSupport;

namespace Modelport.Core.Tests.Lifecycle;

public sealed class ModelHandleTests
{
    private readonly FakeModel _model = new(1, new ModelConfig(), new FakeModelBehaviour());

    [Fact]
    public async Task A_retired_handle_is_disposed_when_its_last_lease_is_released_and_not_before()
    {
        var handle = CreateHandle(instanceCount: 2);
        Assert.True(handle.TryAcquire());
        Assert.True(handle.TryAcquire());

        handle.Retire();
        handle.Release();
        Assert.False(handle.Disposed.IsCompleted);
        Assert.Equal(0, _model.DisposeCount);

        handle.Release();
        await handle.Disposed.WaitAsync(TestTimeouts.Guard);

        Assert.Equal(1, _model.DisposeCount);
        Assert.All(_model.Instances, instance => Assert.Equal(1, instance.DisposeCount));
    }

    [Fact]
    public async Task A_retired_handle_without_leases_is_disposed_at_once()
    {
        var handle = CreateHandle(instanceCount: 1);

        handle.Retire();

        await handle.Disposed.WaitAsync(TestTimeouts.Guard);
        Assert.Equal(1, _model.DisposeCount);
    }

    [Fact]
    public async Task A_disposed_handle_refuses_new_leases()
    {
        var handle = CreateHandle(instanceCount: 1);
        handle.Retire();
        await handle.Disposed.WaitAsync(TestTimeouts.Guard);

        Assert.False(handle.TryAcquire());
    }

    [Fact]
    public void A_published_handle_is_not_disposed_while_leases_come_and_go()
    {
        var handle = CreateHandle(instanceCount: 1);

        for (var request = 0; request < 3; request++)
        {
            Assert.True(handle.TryAcquire());
            handle.Release();
        }

        Assert.False(handle.Disposed.IsCompleted);
        Assert.Equal(0, _model.DisposeCount);
    }

    private ModelHandle CreateHandle(int instanceCount)
    {
        var instances = Enumerable.Range(0, instanceCount).Select(_ => _model.CreateInstance()).ToList();
        var statistics = new ModelStatistics(TimeProvider.System);
        var scheduler = new ModelScheduler("m", SchedulingPolicy.From(_model.Config), instances, statistics, TimeProvider.System);
        return new ModelHandle("m", 1, new ModelSignature(0, [], []), _model, scheduler, null, statistics);
    }
}

using Modelport.Core.Backends;
using Modelport.Core.Errors;

namespace Modelport.Core.Tests.Scheduling;

public sealed class ModelSchedulerTests
{
    private const string Batching = """
        max_batch_size: 4
        dynamic_batching { }
        """;

    [Fact]
    public async Task Without_dynamic_batching_every_request_is_its_own_batch()
    {
        using var fixture = new SchedulerFixture("max_batch_size: 8");
        var first = fixture.Send(1);
        var running = await fixture.Log.NextAsync();
        var second = fixture.Send(2);
        var third = fixture.Send(3);

        running.Echo();
        var next = await fixture.Log.NextAsync();
        Assert.Equal(1, next.BatchSize);
        next.Echo();
        var last = await fixture.Log.NextAsync();
        Assert.Equal(1, last.BatchSize);
        last.Echo();

        Assert.Equal(new[] { 1, 1 }, SchedulerFixture.Values(await first));
        Assert.Equal(new[] { 2, 2 }, SchedulerFixture.Values(await second));
        Assert.Equal(new[] { 3, 3 }, SchedulerFixture.Values(await third));
    }

    [Fact]
    public async Task Queued_requests_are_merged_up_to_max_batch_size_and_each_gets_its_own_rows()
    {
        using var fixture = new SchedulerFixture(Batching);
        var first = fixture.Send(0);
        var running = await fixture.Log.NextAsync();
        var queued = Enumerable.Range(1, 5).Select(value => fixture.Send(value)).ToList();

        running.Echo();
        var batch = await fixture.Log.NextAsync();
        Assert.Equal(4, batch.BatchSize);
        batch.Echo();
        var rest = await fixture.Log.NextAsync();
        Assert.Equal(1, rest.BatchSize);
        rest.Echo();

        await first;
        for (var index = 0; index < queued.Count; index++)
        {
            Assert.Equal(new[] { index + 1, index + 1 }, SchedulerFixture.Values(await queued[index]));
        }
    }

    [Fact]
    public async Task A_request_of_several_rows_counts_its_rows_against_max_batch_size()
    {
        using var fixture = new SchedulerFixture(Batching);
        var first = fixture.Send(0);
        var running = await fixture.Log.NextAsync();
        var three = fixture.Send(3, rows: 3);
        var two = fixture.Send(2, rows: 2);

        running.Echo();
        var batch = await fixture.Log.NextAsync();
        Assert.Equal(3, batch.BatchSize);
        batch.Echo();
        var next = await fixture.Log.NextAsync();
        Assert.Equal(2, next.BatchSize);
        next.Echo();

        Assert.Equal(Enumerable.Repeat(3, 6), SchedulerFixture.Values(await three));
        Assert.Equal(new[] { 3L, 2L }, (await three).Value.Tensors[0].Shape);
        Assert.Equal(Enumerable.Repeat(2, 4), SchedulerFixture.Values(await two));
        await first;
    }

    [Fact]
    public async Task Requests_whose_variable_dimensions_differ_are_not_merged()
    {
        using var fixture = new SchedulerFixture(Batching);
        var first = fixture.Send(0);
        var running = await fixture.Log.NextAsync();
        var narrow = fixture.Send(1, width: 2);
        var wide = fixture.Send(2, width: 3);
        var narrowAgain = fixture.Send(3, width: 2);

        running.Echo();
        var batch = await fixture.Log.NextAsync();
        Assert.Equal(new[] { 2L, 2L }, batch.Inputs.Tensors[0].Shape);
        batch.Echo();
        var other = await fixture.Log.NextAsync();
        Assert.Equal(new[] { 1L, 3L }, other.Inputs.Tensors[0].Shape);
        other.Echo();

        Assert.Equal(new[] { 1, 1 }, SchedulerFixture.Values(await narrow));
        Assert.Equal(new[] { 2, 2, 2 }, SchedulerFixture.Values(await wide));
        Assert.Equal(new[] { 3, 3 }, SchedulerFixture.Values(await narrowAgain));
        await first;
    }

    [Fact]
    public async Task A_batch_waits_up_to_max_queue_delay_for_more_requests()
    {
        using var fixture = new SchedulerFixture("""
            max_batch_size: 8
            dynamic_batching { max_queue_delay_microseconds: 100000 }
            """);
        var requests = Enumerable.Range(1, 3).Select(value => fixture.Send(value)).ToList();

        fixture.Clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(fixture.Log.TryNext(out _));
        fixture.Clock.Advance(TimeSpan.FromMilliseconds(1));

        var batch = await fixture.Log.NextAsync();
        Assert.Equal(3, batch.BatchSize);
        batch.Echo();
        await Task.WhenAll(requests);
    }

    [Fact]
    public async Task A_full_batch_leaves_without_waiting_for_the_delay()
    {
        using var fixture = new SchedulerFixture("""
            max_batch_size: 2
            dynamic_batching { max_queue_delay_microseconds: 100000000 }
            """);
        var first = fixture.Send(1);
        Assert.False(fixture.Log.TryNext(out _));
        var second = fixture.Send(2);

        var batch = await fixture.Log.NextAsync();
        Assert.Equal(2, batch.BatchSize);
        batch.Echo();
        await Task.WhenAll(first, second);
    }

    [Fact]
    public async Task Reaching_a_preferred_batch_size_dispatches_at_once()
    {
        using var fixture = new SchedulerFixture("""
            max_batch_size: 8
            dynamic_batching { preferred_batch_size: [2, 4] max_queue_delay_microseconds: 100000000 }
            """);
        var first = fixture.Send(1);
        Assert.False(fixture.Log.TryNext(out _));
        var second = fixture.Send(2);

        var batch = await fixture.Log.NextAsync();
        Assert.Equal(2, batch.BatchSize);
        batch.Echo();
        await Task.WhenAll(first, second);
    }

    [Fact]
    public async Task The_largest_preferred_size_reached_is_taken_and_the_rest_waits()
    {
        using var fixture = new SchedulerFixture("""
            max_batch_size: 8
            dynamic_batching { preferred_batch_size: [4] max_queue_delay_microseconds: 100000000 }
            """, instances: 1);
        var held = fixture.Send(0, rows: 8);
        var running = await fixture.Log.NextAsync();
        var queued = Enumerable.Range(1, 6).Select(value => fixture.Send(value)).ToList();

        running.Echo();
        var batch = await fixture.Log.NextAsync();
        Assert.Equal(4, batch.BatchSize);
        batch.Echo();
        Assert.False(fixture.Log.TryNext(out _));

        fixture.Clock.Advance(TimeSpan.FromSeconds(100));
        var rest = await fixture.Log.NextAsync();
        Assert.Equal(2, rest.BatchSize);
        rest.Echo();
        await Task.WhenAll(queued);
        await held;
    }

    [Fact]
    public async Task Higher_priority_requests_run_first()
    {
        using var fixture = new SchedulerFixture("""
            max_batch_size: 1
            dynamic_batching { priority_levels: 2 default_priority_level: 2 }
            """);
        var first = fixture.Send(0);
        var running = await fixture.Log.NextAsync();
        var low = fixture.Send(1);
        var high = fixture.Send(2, priority: 1);

        running.Echo();
        var next = await fixture.Log.NextAsync();
        Assert.Equal(new[] { 2, 2 }, SchedulerFixture.Values(await Echoed(next)));
        var last = await fixture.Log.NextAsync();
        last.Echo();
        Assert.Equal(new[] { 1, 1 }, SchedulerFixture.Values(await low));
        await Task.WhenAll(first, high);
    }

    [Fact]
    public async Task A_priority_beyond_the_levels_is_refused_naming_the_value()
    {
        using var fixture = new SchedulerFixture("""
            max_batch_size: 1
            dynamic_batching { priority_levels: 2 default_priority_level: 1 }
            """);

        var result = await fixture.Send(1, priority: 3);

        Assert.Equal(InferenceErrorKind.InvalidArgument, result.Error!.Kind);
        Assert.Contains("'priority' is 3", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_queue_rejects_at_once()
    {
        using var fixture = new SchedulerFixture("""
            max_batch_size: 1
            dynamic_batching { default_queue_policy { max_queue_size: 2 } }
            """);
        var first = fixture.Send(0);
        var running = await fixture.Log.NextAsync();
        var queued = new[] { fixture.Send(1), fixture.Send(2) };

        var rejected = await fixture.Send(3);

        Assert.Equal(InferenceErrorKind.Unavailable, rejected.Error!.Kind);
        Assert.Contains("max_queue_size", rejected.Error.Message, StringComparison.Ordinal);
        running.Echo();
        (await fixture.Log.NextAsync()).Echo();
        (await fixture.Log.NextAsync()).Echo();
        await Task.WhenAll(queued);
        await first;
    }

    [Fact]
    public async Task Without_a_configured_bound_the_queue_is_still_bounded()
    {
        using var fixture = new SchedulerFixture("max_batch_size: 1");
        var first = fixture.Send(0);
        var running = await fixture.Log.NextAsync();
        var queued = Enumerable.Range(0, 1024).Select(value => fixture.Send(value)).ToList();

        var rejected = await fixture.Send(1);

        Assert.Equal(InferenceErrorKind.Unavailable, rejected.Error!.Kind);
        Assert.All(queued, request => Assert.False(request.IsCompleted));
        running.Echo();
        fixture.Scheduler.Dispose();
    }

    [Fact]
    public async Task A_request_that_times_out_in_the_queue_is_rejected_and_never_runs()
    {
        using var fixture = new SchedulerFixture("""
            max_batch_size: 1
            dynamic_batching { default_queue_policy { default_timeout_microseconds: 1000 } }
            """);
        var first = fixture.Send(0);
        var running = await fixture.Log.NextAsync();
        var queued = fixture.Send(1);

        fixture.Clock.Advance(TimeSpan.FromMilliseconds(1));

        var result = await queued;
        Assert.Equal(InferenceErrorKind.Unavailable, result.Error!.Kind);
        Assert.Contains("timed out", result.Error.Message, StringComparison.Ordinal);
        running.Echo();
        await first;
        Assert.False(fixture.Log.TryNext(out _));
    }

    [Fact]
    public async Task A_request_may_shorten_its_timeout_when_the_policy_allows_it()
    {
        using var fixture = new SchedulerFixture("""
            max_batch_size: 1
            dynamic_batching { default_queue_policy { default_timeout_microseconds: 10000000 allow_timeout_override: true } }
            """);
        var first = fixture.Send(0);
        var running = await fixture.Log.NextAsync();
        var queued = fixture.Send(1, timeout: TimeSpan.FromMilliseconds(5));

        fixture.Clock.Advance(TimeSpan.FromMilliseconds(5));

        Assert.Equal(InferenceErrorKind.Unavailable, (await queued).Error!.Kind);
        running.Echo();
        await first;
    }

    [Fact]
    public async Task A_request_timeout_is_ignored_when_the_policy_does_not_allow_overrides()
    {
        using var fixture = new SchedulerFixture("""
            max_batch_size: 1
            dynamic_batching { default_queue_policy { default_timeout_microseconds: 10000000 } }
            """);
        var first = fixture.Send(0);
        var running = await fixture.Log.NextAsync();
        var queued = fixture.Send(1, timeout: TimeSpan.FromMilliseconds(5));

        fixture.Clock.Advance(TimeSpan.FromMilliseconds(5));
        running.Echo();
        (await fixture.Log.NextAsync()).Echo();

        Assert.True((await queued).IsSuccess);
        await first;
    }

    [Fact]
    public async Task A_delayed_request_runs_after_the_requests_still_in_time()
    {
        using var fixture = new SchedulerFixture("""
            max_batch_size: 1
            dynamic_batching { default_queue_policy { default_timeout_microseconds: 1000 timeout_action: DELAY } }
            """);
        var first = fixture.Send(0);
        var running = await fixture.Log.NextAsync();
        var late = fixture.Send(1);
        fixture.Clock.Advance(TimeSpan.FromMilliseconds(2));
        var inTime = fixture.Send(2);

        running.Echo();
        var next = await fixture.Log.NextAsync();
        Assert.Equal(new[] { 2, 2 }, SchedulerFixture.Values(await Echoed(next)));
        (await fixture.Log.NextAsync()).Echo();

        Assert.True((await late).IsSuccess);
        await Task.WhenAll(first, inTime);
    }

    [Fact]
    public async Task A_request_that_would_outwait_its_timeout_is_shed_on_arrival()
    {
        using var fixture = new SchedulerFixture("""
            max_batch_size: 1
            dynamic_batching { default_queue_policy { default_timeout_microseconds: 10000 } }
            """);
        var measured = fixture.Send(0);
        var running = await fixture.Log.NextAsync();
        fixture.Clock.Advance(TimeSpan.FromMilliseconds(50));
        running.Echo();
        await measured;

        var busy = fixture.Send(1);
        var executing = await fixture.Log.NextAsync();
        var waiting = fixture.Send(2);
        var shed = await fixture.Send(3);

        Assert.Equal(InferenceErrorKind.Unavailable, shed.Error!.Kind);
        Assert.Contains("would wait", shed.Error.Message, StringComparison.Ordinal);
        executing.Echo();
        (await fixture.Log.NextAsync()).Echo();
        await Task.WhenAll(busy, waiting);
    }

    [Fact]
    public async Task A_cancelled_request_leaves_the_queue_and_never_runs()
    {
        using var fixture = new SchedulerFixture(Batching);
        var first = fixture.Send(0);
        var running = await fixture.Log.NextAsync();
        using var cancellation = new CancellationTokenSource();
        var cancelled = fixture.Send(1, cancellationToken: cancellation.Token);
        var kept = fixture.Send(2);

        await cancellation.CancelAsync();
        Assert.Equal(InferenceErrorKind.Cancelled, (await cancelled).Error!.Kind);
        Assert.Equal(1, fixture.Scheduler.PendingCount);

        running.Echo();
        var next = await fixture.Log.NextAsync();
        Assert.Equal(1, next.BatchSize);
        Assert.Equal(new[] { 2, 2 }, SchedulerFixture.Values(await Echoed(next)));
        await Task.WhenAll(first, kept);
    }

    [Fact]
    public async Task With_preserve_ordering_responses_complete_in_arrival_order()
    {
        using var fixture = new SchedulerFixture("""
            max_batch_size: 1
            dynamic_batching { preserve_ordering: true }
            """, instances: 2);
        var first = fixture.Send(1);
        var firstRun = await fixture.Log.NextAsync();
        var second = fixture.Send(2);
        var secondRun = await fixture.Log.NextAsync();

        secondRun.Echo();
        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        firstRun.Echo();
        Assert.Equal(new[] { 1, 1 }, SchedulerFixture.Values(await first));
        Assert.Equal(new[] { 2, 2 }, SchedulerFixture.Values(await second));
    }

    [Fact]
    public async Task Without_preserve_ordering_a_faster_instance_answers_first()
    {
        using var fixture = new SchedulerFixture("max_batch_size: 1", instances: 2);
        var first = fixture.Send(1);
        var firstRun = await fixture.Log.NextAsync();
        var second = fixture.Send(2);
        var secondRun = await fixture.Log.NextAsync();

        secondRun.Echo();
        Assert.Equal(new[] { 2, 2 }, SchedulerFixture.Values(await second));
        Assert.False(first.IsCompleted);
        firstRun.Echo();
        await first;
    }

    [Fact]
    public async Task A_failed_execution_fails_every_request_of_its_batch()
    {
        using var fixture = new SchedulerFixture(Batching);
        var first = fixture.Send(0);
        var running = await fixture.Log.NextAsync();
        var queued = new[] { fixture.Send(1), fixture.Send(2) };

        running.Echo();
        (await fixture.Log.NextAsync()).Fail(InferenceError.Internal("engine broke"));

        foreach (var request in queued)
        {
            Assert.Equal("engine broke", (await request).Error!.Message);
        }

        await first;
    }

    [Fact]
    public async Task Batch_output_memory_is_released_when_the_last_request_lets_go()
    {
        using var fixture = new SchedulerFixture(Batching);
        var first = fixture.Send(0);
        var running = await fixture.Log.NextAsync();
        var queued = new[] { fixture.Send(1), fixture.Send(2) };
        running.Echo();
        var owner = new CountingDisposable();
        (await fixture.Log.NextAsync()).Echo(owner);

        var results = await Task.WhenAll(queued);
        results[0].Value.MemoryOwner!.Dispose();
        results[0].Value.MemoryOwner!.Dispose();
        Assert.Equal(0, owner.Count);
        results[1].Value.MemoryOwner!.Dispose();
        Assert.Equal(1, owner.Count);
        await first;
    }

    [Fact]
    public async Task Raising_the_instance_count_runs_queued_requests_on_the_new_instance()
    {
        using var fixture = new SchedulerFixture("max_batch_size: 1");
        var first = fixture.Send(1);
        var firstRun = await fixture.Log.NextAsync();
        var second = fixture.Send(2);
        Assert.False(fixture.Log.TryNext(out _));

        fixture.Scheduler.SetInstanceCount(2, () => new ScriptedInstance(fixture.Log));

        var secondRun = await fixture.Log.NextAsync();
        Assert.NotSame(firstRun.Instance, secondRun.Instance);
        Assert.Equal(2, fixture.Scheduler.InstanceCount);
        secondRun.Echo();
        firstRun.Echo();
        await Task.WhenAll(first, second);
    }

    [Fact]
    public async Task Lowering_the_instance_count_disposes_an_instance_once_its_execution_ends()
    {
        using var fixture = new SchedulerFixture("max_batch_size: 1", instances: 2);
        var first = fixture.Send(1);
        var firstRun = await fixture.Log.NextAsync();
        var second = fixture.Send(2);
        var secondRun = await fixture.Log.NextAsync();

        fixture.Scheduler.SetInstanceCount(1, () => throw new InvalidOperationException("no instance is created when lowering"));
        Assert.Equal(1, fixture.Scheduler.InstanceCount);
        Assert.False(firstRun.Instance.Disposed);

        firstRun.Echo();
        await first;
        Assert.True(firstRun.Instance.Disposed);
        Assert.False(secondRun.Instance.Disposed);
        secondRun.Echo();
        await second;
    }

    [Fact]
    public async Task Statistics_count_inferences_executions_batch_sizes_and_queue_time()
    {
        using var fixture = new SchedulerFixture(Batching);
        var first = fixture.Send(0);
        var running = await fixture.Log.NextAsync();
        var queued = Enumerable.Range(1, 3).Select(value => fixture.Send(value)).ToList();
        fixture.Clock.Advance(TimeSpan.FromMilliseconds(2));
        running.Echo();
        (await fixture.Log.NextAsync()).Echo();
        await Task.WhenAll(queued);
        await first;

        var snapshot = fixture.Statistics.Snapshot("m", 1, pendingRequests: 0);

        Assert.Equal(4, snapshot.InferenceCount);
        Assert.Equal(2, snapshot.ExecutionCount);
        Assert.Equal(new[] { 1L, 3L }, snapshot.Batches.Select(batch => batch.BatchSize));
        Assert.Equal(4, snapshot.Queue.Count);
        Assert.Equal(3 * TimeSpan.FromMilliseconds(2).Ticks * TimeSpan.NanosecondsPerTick, snapshot.Queue.Nanoseconds);
        Assert.Equal(4, snapshot.ComputeInfer.Count);
    }

    private static Task<Result<ExecutionOutputs>> Echoed(PendingExecution execution)
    {
        execution.Echo();
        return execution.Result.Task;
    }

    private sealed class CountingDisposable : IDisposable
    {
        public int Count { get; private set; }

        public void Dispose() => Count++;
    }
}

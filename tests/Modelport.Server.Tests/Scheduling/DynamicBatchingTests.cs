using System.Diagnostics;
using Modelport.Server.Tests.TestSupport.Clients;

namespace Modelport.Server.Tests.Scheduling;

/// <summary>The scheduler seen from outside: batching, queue bounds, timeouts, cancellation and statistics, over REST and gRPC.</summary>
public sealed class DynamicBatchingTests(SchedulingServerFixture fixture) : IClassFixture<SchedulingServerFixture>
{
    public static TheoryData<Transport> Transports => TestSupport.Clients.Transports.All;

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Concurrent_requests_are_batched_and_each_gets_its_own_answer(Transport transport)
    {
        var model = SchedulingServerFixture.Model(SchedulingServerFixture.Batching, transport, "answers");
        var client = fixture.Server.ClientFor(transport);

        var replies = await Task.WhenAll(Enumerable.Range(0, 32).Select(value => client.InferAsync(Scale(model, value))));

        for (var value = 0; value < replies.Length; value++)
        {
            Assert.Equal(Enumerable.Repeat(value * 2f, 4), replies[value].Output("Y").AsFp32s());
        }

        var stats = Assert.Single(await client.StatisticsAsync(model));
        Assert.Equal(32, stats.InferenceCount);
        Assert.True(stats.ExecutionCount < stats.InferenceCount, $"{stats.ExecutionCount} executions for {stats.InferenceCount} inferences");
        Assert.Contains(stats.BatchSizes, size => size > 1);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Statistics_agree_with_the_requests_sent(Transport transport)
    {
        var model = SchedulingServerFixture.Model(SchedulingServerFixture.Batching, transport, "stats");
        var client = fixture.Server.ClientFor(transport);
        for (var value = 0; value < 3; value++)
        {
            await client.InferAsync(Scale(model, value));
        }

        await Assert.ThrowsAsync<ApiException>(() => client.InferAsync(new InferCall(model, [Tensor.Fp32("X", [1, 3], 1, 2, 3)])));

        var stats = Assert.Single(await client.StatisticsAsync(model, "1"));
        Assert.Equal((model, "1"), (stats.Name, stats.Version));
        Assert.Equal(3, stats.Success);
        Assert.Equal(1, stats.Fail);
        Assert.Equal(3, stats.InferenceCount);
        Assert.Equal(3, stats.Queued);
        Assert.Contains(await client.StatisticsAsync(), all => all.Name == model && all.Success == 3);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Statistics_of_an_unknown_model_are_not_found(Transport transport)
    {
        var failure = await Assert.ThrowsAsync<ApiException>(() => fixture.Server.ClientFor(transport).StatisticsAsync("no_such_model"));

        Assert.Equal(ApiError.NotFound, failure.Code);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_full_queue_answers_unavailable_at_once(Transport transport)
    {
        var model = SchedulingServerFixture.Model(SchedulingServerFixture.SmallQueue, transport, "full");
        var client = fixture.Server.ClientFor(transport);
        var queued = Enumerable.Range(0, 4).Select(value => client.InferAsync(Scale(model, value))).ToList();
        await WaitForPendingAsync(model, 4);

        var failure = await Assert.ThrowsAsync<ApiException>(() => client.InferAsync(Scale(model, 9)));

        Assert.Equal(ApiError.Unavailable, failure.Code);
        Assert.Contains("max_queue_size", failure.Message, StringComparison.Ordinal);
        var replies = await Task.WhenAll(queued);
        Assert.Equal(Enumerable.Repeat(6f, 4), replies[3].Output("Y").AsFp32s());
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_request_timeout_rejects_a_request_still_queued(Transport transport)
    {
        var model = SchedulingServerFixture.Model(SchedulingServerFixture.SmallQueue, transport, "timeout");
        var client = fixture.Server.ClientFor(transport);

        var failure = await Assert.ThrowsAsync<ApiException>(
            () => client.InferAsync(Scale(model, 1) with { Parameters = new Dictionary<string, object> { ["timeout"] = 50_000L } }));

        Assert.Equal(ApiError.Unavailable, failure.Code);
        Assert.Contains("timed out", failure.Message, StringComparison.Ordinal);
        var stats = Assert.Single(await client.StatisticsAsync(model));
        Assert.Equal(0, stats.ExecutionCount);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_priority_beyond_the_models_levels_is_a_bad_request(Transport transport)
    {
        var model = SchedulingServerFixture.Model(SchedulingServerFixture.Prioritised, transport, "priority");

        var failure = await Assert.ThrowsAsync<ApiException>(() => fixture.Server.ClientFor(transport).InferAsync(
            Scale(model, 1) with { Parameters = new Dictionary<string, object> { ["priority"] = 3L } }));

        Assert.Equal(ApiError.InvalidArgument, failure.Code);
        Assert.Contains("'priority' is 3", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_valid_priority_is_served(Transport transport)
    {
        var model = SchedulingServerFixture.Model(SchedulingServerFixture.Prioritised, transport, "answers");

        var reply = await fixture.Server.ClientFor(transport).InferAsync(Scale(model, 4) with { Parameters = new Dictionary<string, object> { ["priority"] = 1L } });

        Assert.Equal(Enumerable.Repeat(8f, 4), reply.Output("Y").AsFp32s());
    }

    [Fact]
    public async Task A_client_that_disconnects_takes_its_queued_request_away_unexecuted()
    {
        var model = SchedulingServerFixture.Model(SchedulingServerFixture.SmallQueue, Transport.Rest, "cancel");
        using var disconnect = new CancellationTokenSource();
        var request = fixture.Server.Client.PostAsync(
            $"/v2/models/{model}/infer", new StringContent(Modelport.Testing.TestModels.ScaleRequest), disconnect.Token);
        await WaitForPendingAsync(model, 1);

        await disconnect.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        await WaitForPendingAsync(model, 0);

        await Task.Delay(TimeSpan.FromSeconds(2));
        var stats = Assert.Single(await fixture.Server.ClientFor(Transport.Rest).StatisticsAsync(model));
        Assert.Equal(0, stats.ExecutionCount);
        Assert.Equal(1, stats.Fail);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_burst_far_above_the_queue_is_shed_and_every_accepted_request_succeeds(Transport transport)
    {
        var model = SchedulingServerFixture.Model(SchedulingServerFixture.SmallQueue, transport, "burst");
        var client = fixture.Server.ClientFor(transport);
        var memoryBefore = Process.GetCurrentProcess().WorkingSet64;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 400).Select(async value =>
        {
            try
            {
                var reply = await client.InferAsync(Scale(model, value));
                return reply.Output("Y").AsFp32s()[0] == value * 2f ? "answered" : "wrong answer";
            }
            catch (ApiException failure) when (failure.Code == ApiError.Unavailable)
            {
                return "shed";
            }
        }));

        Assert.DoesNotContain("wrong answer", outcomes);
        Assert.InRange(outcomes.Count(outcome => outcome == "answered"), 4, 100);
        Assert.Equal(400, outcomes.Count(outcome => outcome is "answered" or "shed"));

        // The shed requests left nothing behind: far less than one tensor buffer per request of a leak.
        var growth = Process.GetCurrentProcess().WorkingSet64 - memoryBefore;
        Assert.True(growth < 256L * 1024 * 1024, $"the working set grew by {growth} bytes");
    }

    private static InferCall Scale(string model, int value) => new(model, [Tensor.Fp32("X", [1, 4], value, value, value, value)]);

    private async Task WaitForPendingAsync(string model, int pending)
    {
        var inference = fixture.Server.Inference;
        await fixture.Server.WaitUntilAsync(() => inference.GetStatistics(model, "1").Value[0].PendingRequests == pending, timeoutSeconds: 10);
    }
}

using Modelport.Core.Backends;
using Modelport.Core.Diagnostics;
using Modelport.Core.Errors;
using Modelport.Core.Statistics;

namespace Modelport.Core.Scheduling;

/// <summary>
/// The scheduler of one model version (Triton's dynamic batcher): queues requests by priority, merges compatible ones
/// into batches by the model's policy, runs each batch on an idle instance and hands every request its rows of the
/// outputs. With batching off the same path runs one request per batch.
/// </summary>
/// <remarks>
/// All queue state is guarded by one lock, held only for bookkeeping. A request that finds an idle instance runs its
/// batch on its own thread, so an idle model adds no thread hop; a batch that becomes ready when an instance frees up
/// or a delay expires runs on the thread pool.
/// </remarks>
internal sealed partial class ModelScheduler : IDisposable
{
    private readonly object _gate = new();
    private readonly string _modelName;
    private readonly SchedulingPolicy _policy;
    private readonly TimeProvider _timeProvider;
    private readonly ModelStatistics _statistics;
    private readonly RequestQueue _queue;
    private readonly PriorityQueue<ScheduledRequest, long> _deadlines = new();
    private readonly ITimer _timer;
    private long _timerDue = long.MaxValue;
    private bool _disposed;

    public ModelScheduler(
        string modelName, SchedulingPolicy policy, IEnumerable<IModelInstance> instances, ModelStatistics statistics, TimeProvider timeProvider)
    {
        _modelName = modelName;
        _policy = policy;
        _timeProvider = timeProvider;
        _statistics = statistics;
        _queue = new RequestQueue(policy.Levels.Count);
        foreach (var instance in instances)
        {
            _instances.Add(instance);
            _idle.Push(instance);
        }

        _timer = timeProvider.CreateTimer(static state => ((ModelScheduler)state!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>
    /// Queues a validated request and completes when its outputs are ready. <paramref name="batchSize"/> is the
    /// request's first dimension, or 1 for a model without a batch dimension.
    /// </summary>
    public async ValueTask<Result<ExecutionOutputs>> ScheduleAsync(
        ExecutionInputs inputs, long batchSize, SchedulingOptions options, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return InferenceError.Cancelled($"model '{_modelName}': the request was cancelled before it was queued");
        }

        var level = LevelOf(options.Priority);
        if (level.Error is { } badPriority)
        {
            return badPriority;
        }

        Batch? batch;
        ScheduledRequest request;
        lock (_gate)
        {
            var admitted = Admit(inputs, batchSize, level.Value, options.Timeout, cancellationToken);
            if (admitted.Error is { } rejected)
            {
                return rejected;
            }

            request = admitted.Value;
            batch = TryFormBatch();
        }

        if (batch is not null)
        {
            await RunAsync(batch).ConfigureAwait(false);
        }

        return await request.Completion.ConfigureAwait(false);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var request in _queue.InOrder().ToList())
            {
                _queue.Remove(request);
                request.Complete(InferenceError.Unavailable($"model '{_modelName}' is unloading"));
            }
        }

        _timer.Dispose();
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }
    }

    private Result<int> LevelOf(ulong priority)
    {
        if (priority == 0)
        {
            return _policy.DefaultPriorityLevel - 1;
        }

        if (priority > (ulong)_policy.Levels.Count)
        {
            return InferenceError.InvalidArgument(
                $"request parameter 'priority' is {priority}, but model '{_modelName}' has {_policy.Levels.Count} priority level(s); use 1 to {_policy.Levels.Count}, or 0 for the default");
        }

        return (int)priority - 1;
    }

    /// <summary>Queues the request, or says why not: a full queue, or a wait longer than its timeout.</summary>
    private Result<ScheduledRequest> Admit(ExecutionInputs inputs, long batchSize, int level, TimeSpan? requestedTimeout, CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            return InferenceError.Unavailable($"model '{_modelName}' is unloading");
        }

        var queuePolicy = _policy.Levels[level];
        if (_queue.CountAt(level) >= queuePolicy.MaxQueueSize)
        {
            return InferenceError.Unavailable(
                $"model '{_modelName}': the queue of priority level {level + 1} is full ({queuePolicy.MaxQueueSize} requests, max_queue_size); try again later");
        }

        var timeout = queuePolicy.TimeoutFor(requestedTimeout);
        var now = _timeProvider.GetTimestamp();
        long? deadline = null;
        if (timeout > TimeSpan.Zero)
        {
            var expectedWait = _estimate.QueueWait(_queue.CountUpTo(level), _instances.Count - _retiring);
            if (queuePolicy.RejectOnTimeout && expectedWait > timeout)
            {
                return InferenceError.Unavailable(
                    $"model '{_modelName}': the request would wait about {expectedWait.TotalMilliseconds:0.###} ms in the queue, longer than its timeout of {timeout.TotalMilliseconds:0.###} ms; try again later");
            }

            deadline = now + TimestampTicks(timeout);
        }

        var request = new ScheduledRequest(this, inputs, batchSize, level, now, deadline, cancellationToken)
        {
            QueueSpan = ModelportTracing.StartQueueWait(_modelName),
        };
        _queue.Add(request);
        if (deadline is { } due)
        {
            _deadlines.Enqueue(request, due);
        }

        // Registered under the lock: a token cancelled meanwhile runs Cancel on this thread, and the lock is reentrant.
        request.Cancellation = cancellationToken.UnsafeRegister(static state => CancelQueued((ScheduledRequest)state!), request);
        return request;
    }

    private static void CancelQueued(ScheduledRequest request) => request.Scheduler.Cancel(request);

    private void Cancel(ScheduledRequest request)
    {
        lock (_gate)
        {
            if (!request.IsQueued)
            {
                return;
            }

            _queue.Remove(request);
        }

        request.Complete(InferenceError.Cancelled($"model '{_modelName}': the request was cancelled while it waited in the queue"));
    }

    private long TimestampTicks(TimeSpan duration) =>
        (long)Math.Min(duration.Ticks * (double)_timeProvider.TimestampFrequency / TimeSpan.TicksPerSecond, long.MaxValue / 2);
}

namespace Modelport.Core.Scheduling;

internal sealed partial class ModelScheduler
{
    /// <summary>
    /// Ages the queue (timeouts), then takes the next batch if an instance is idle and the policy says the batch should
    /// leave now; otherwise arms the timer for the moment that changes. Called under the lock.
    /// </summary>
    private Batch? TryFormBatch()
    {
        var now = _timeProvider.GetTimestamp();
        ExpireTimedOut(now);
        long? waitUntil = null;
        Batch? batch = null;
        if (_idle.Count > 0 && _queue.Head is { } head)
        {
            var (candidates, size) = Candidates(head);
            var take = BatchToDispatch(head, candidates, size, now);
            if (take > 0)
            {
                batch = Dispatch(candidates, take, now);
            }
            else
            {
                waitUntil = head.EnqueuedAt + TimestampTicks(_policy.MaxQueueDelay);
            }
        }

        ArmTimer(waitUntil);
        return batch;
    }

    /// <summary>The head and the queued requests that can join it, in queue order, as many as fit in one batch, and their rows.</summary>
    private (List<ScheduledRequest> Candidates, long Size) Candidates(ScheduledRequest head)
    {
        var candidates = new List<ScheduledRequest> { head };
        if (!_policy.Batches)
        {
            return (candidates, head.BatchSize);
        }

        var size = head.BatchSize;
        foreach (var request in _queue.InOrder())
        {
            if (size == _policy.MaxBatchSize)
            {
                break;
            }

            if (request != head && size + request.BatchSize <= _policy.MaxBatchSize && head.CanBatchWith(request))
            {
                candidates.Add(request);
                size += request.BatchSize;
            }
        }

        return (candidates, size);
    }

    /// <summary>
    /// How many of the candidates leave now: all of them when the batch is full or the oldest has waited
    /// max_queue_delay; as many as make the largest preferred batch size reached; none while the batch may still grow.
    /// </summary>
    private int BatchToDispatch(ScheduledRequest head, List<ScheduledRequest> candidates, long size, long now)
    {
        if (size >= _policy.MaxBatchSize || now - head.EnqueuedAt >= TimestampTicks(_policy.MaxQueueDelay))
        {
            return candidates.Count;
        }

        var preferred = _policy.PreferredBatchSizes.LastOrDefault(candidate => candidate <= size);
        if (preferred == 0)
        {
            return 0;
        }

        var count = 0;
        long taken = 0;
        while (count < candidates.Count && taken + candidates[count].BatchSize <= preferred)
        {
            taken += candidates[count++].BatchSize;
        }

        return Math.Max(1, count);
    }

    private Batch Dispatch(List<ScheduledRequest> candidates, int take, long now)
    {
        var requests = candidates.GetRange(0, take);
        foreach (var request in requests)
        {
            _queue.Remove(request);
            request.DispatchedAt = now;
        }

        return new Batch(requests, _idle.Pop(), _nextSequence++);
    }

    /// <summary>Rejects or delays (by each level's timeout_action) the requests whose queue timeout has passed.</summary>
    private void ExpireTimedOut(long now)
    {
        while (_deadlines.TryPeek(out var request, out var deadline) && deadline <= now)
        {
            _deadlines.Dequeue();
            if (!request.IsQueued || request.Delayed)
            {
                continue;
            }

            if (_policy.Levels[request.Level].RejectOnTimeout)
            {
                _queue.Remove(request);
                request.Complete(Errors.InferenceError.Unavailable(
                    $"model '{_modelName}': the request timed out after {_timeProvider.GetElapsedTime(request.EnqueuedAt, now).TotalMilliseconds:0.###} ms in the queue"));
            }
            else
            {
                _queue.Delay(request);
            }
        }
    }

    /// <summary>Sets the timer to the earlier of the batch delay being waited out and the next queue timeout.</summary>
    private void ArmTimer(long? waitUntil)
    {
        while (_deadlines.TryPeek(out var stale, out _) && (!stale.IsQueued || stale.Delayed))
        {
            _deadlines.Dequeue();
        }

        var due = waitUntil ?? long.MaxValue;
        if (_deadlines.TryPeek(out _, out var deadline))
        {
            due = Math.Min(due, deadline);
        }

        if (due == _timerDue)
        {
            return;
        }

        _timerDue = due;
        if (due == long.MaxValue)
        {
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var delay = _timeProvider.GetElapsedTime(_timeProvider.GetTimestamp(), due);
        _timer.Change(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private void OnTimer()
    {
        Batch? batch;
        lock (_gate)
        {
            _timerDue = long.MaxValue;
            batch = _disposed ? null : TryFormBatch();
        }

        if (batch is not null)
        {
            RunOnThreadPool(batch);
        }
    }
}

using System.Diagnostics;
using Modelport.Core.Backends;
using Modelport.Core.Diagnostics;
using Modelport.Core.Errors;
using Modelport.Core.Tensors;

namespace Modelport.Core.Scheduling;

/// <summary>One request in a scheduler: queued, then part of exactly one batch, then completed exactly once.</summary>
internal sealed class ScheduledRequest
{
    private readonly TaskCompletionSource<Result<ExecutionOutputs>> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ScheduledRequest(
        ModelScheduler scheduler, ExecutionInputs inputs, long batchSize, int level, long enqueuedAt, long? deadline, CancellationToken cancellationToken)
    {
        Scheduler = scheduler;
        CancellationToken = cancellationToken;
        Inputs = inputs;
        BatchSize = batchSize;
        Level = level;
        EnqueuedAt = enqueuedAt;
        Deadline = deadline;
        Node = new LinkedListNode<ScheduledRequest>(this);
    }

    public ModelScheduler Scheduler { get; }

    public ExecutionInputs Inputs { get; }

    /// <summary>The client's token: it removes the request from the queue, and cancels an execution that carries only this request.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The rows this request adds to a batch: its first dimension, or 1 for a model without a batch dimension.</summary>
    public long BatchSize { get; }

    /// <summary>Index into the scheduler's levels (0 is the highest priority).</summary>
    public int Level { get; }

    /// <summary>TimeProvider timestamp of arrival.</summary>
    public long EnqueuedAt { get; }

    /// <summary>TimeProvider timestamp at which the request times out; null when it has no time limit.</summary>
    public long? Deadline { get; }

    /// <summary>True once the request timed out with DELAY: it now waits behind requests still in time.</summary>
    public bool Delayed { get; set; }

    /// <summary>TimeProvider timestamp at which the request left the queue for a batch.</summary>
    public long DispatchedAt { get; set; }

    public LinkedListNode<ScheduledRequest> Node { get; }

    public CancellationTokenRegistration Cancellation { get; set; }

    /// <summary>The span of the wait in the queue; null when nothing traces.</summary>
    public Activity? QueueSpan { get; set; }

    public bool IsQueued => Node.List is not null;

    public Task<Result<ExecutionOutputs>> Completion => _completion.Task;

    public void Complete(Result<ExecutionOutputs> result)
    {
        Cancellation.Unregister();
        ModelportTracing.EndQueueWait(QueueSpan, result.Error?.Message);
        if (!_completion.TrySetResult(result) && result.IsSuccess)
        {
            result.Value.MemoryOwner?.Dispose();
        }
    }

    /// <summary>Whether two requests can share a batch: the same inputs and outputs, with the same shapes past the batch dimension.</summary>
    public bool CanBatchWith(ScheduledRequest other)
    {
        var mine = Inputs.Tensors;
        var theirs = other.Inputs.Tensors;
        if (mine.Count != theirs.Count || !Inputs.OutputNames.SequenceEqual(other.Inputs.OutputNames))
        {
            return false;
        }

        for (var index = 0; index < mine.Count; index++)
        {
            if (!SameTensorKind(mine[index], theirs[index]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameTensorKind(InferenceTensor left, InferenceTensor right) =>
        left.Name == right.Name
        && left.DataType == right.DataType
        && left.Shape.Length == right.Shape.Length
        && left.Shape.AsSpan(1).SequenceEqual(right.Shape.AsSpan(1));
}

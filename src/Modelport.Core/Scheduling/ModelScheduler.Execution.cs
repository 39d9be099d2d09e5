using Modelport.Core.Backends;
using Modelport.Core.Diagnostics;
using Modelport.Core.Errors;

namespace Modelport.Core.Scheduling;

internal sealed partial class ModelScheduler
{
    private readonly Dictionary<long, Action> _heldForOrder = [];
    private readonly ExecutionEstimate _estimate = new();
    private long _nextSequence;
    private long _nextToDeliver;

    /// <summary>Executes a batch, delivers its results, then starts the next batch if one is ready.</summary>
    private async Task RunAsync(Batch batch)
    {
        var requests = batch.Requests;
        foreach (var request in requests)
        {
            _statistics.RecordQueued(_timeProvider.GetElapsedTime(request.EnqueuedAt, request.DispatchedAt));
        }

        using var batchSpan = ModelportTracing.StartBatch(_modelName, requests, batch.Size);
        var started = _timeProvider.GetTimestamp();
        BatchInputs? assembled = null;
        var assembly = TimeSpan.Zero;
        Result<ExecutionOutputs> executed;
        try
        {
            var inputs = requests.Count == 1 ? requests[0].Inputs : (assembled = new BatchInputs(requests)).Execution;
            assembly = _timeProvider.GetElapsedTime(started);

            // Only a batch of one may be cancelled while it runs: cancelling a shared batch would fail the other requests.
            var cancellation = requests.Count == 1 ? requests[0].CancellationToken : CancellationToken.None;
            using (ModelportTracing.StartExecute(_modelName, batchSpan))
            {
                executed = await batch.Instance.ExecuteAsync(inputs, cancellation).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // A failing engine fails its batch; it must not strand the requests nor the instance.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            executed = InferenceError.Internal($"model '{_modelName}': the execution failed: {exception.Message}");
        }

        if (executed.Error is { } executionError)
        {
            batchSpan?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, executionError.Message);
        }

        var distributing = _timeProvider.GetTimestamp();
        var results = Distribute(batch, executed, assembled);
        if (executed.IsSuccess)
        {
            // Assembling the batch counts as preparing its input, splitting it as producing its output.
            var scheduling = new ExecutionTimings(assembly, TimeSpan.Zero, _timeProvider.GetElapsedTime(distributing));
            _statistics.RecordExecution(batch.Size, requests.Count, executed.Value.Timings.Add(scheduling));
        }

        Batch? next;
        lock (_gate)
        {
            _estimate.Record(_timeProvider.GetElapsedTime(started), requests.Count);
            Deliver(batch, results);
            ReturnInstance(batch.Instance);
            next = _disposed ? null : TryFormBatch();
        }

        if (next is not null)
        {
            RunOnThreadPool(next);
        }
    }

    private void RunOnThreadPool(Batch batch) =>
        ThreadPool.UnsafeQueueUserWorkItem(static work => _ = work.Scheduler.RunAsync(work.Batch), (Scheduler: this, Batch: batch), preferLocal: false);

    /// <summary>Each request's result: its rows of the outputs, or the batch's error.</summary>
    private Result<ExecutionOutputs>[] Distribute(Batch batch, Result<ExecutionOutputs> executed, BatchInputs? assembled)
    {
        var requests = batch.Requests;
        if (executed.Error is { } failed)
        {
            assembled?.Dispose();
            return [.. requests.Select(_ => (Result<ExecutionOutputs>)failed)];
        }

        var outputs = executed.Value;
        if (requests.Count == 1)
        {
            return [executed];
        }

        var batchMemory = new CompositeDisposable(outputs.MemoryOwner, assembled);
        var split = BatchOutputs.Split(_modelName, outputs, requests, batchMemory);
        if (split.Error is { } badOutput)
        {
            batchMemory.Dispose();
            return [.. requests.Select(_ => (Result<ExecutionOutputs>)badOutput)];
        }

        return [.. split.Value.Select(slice => (Result<ExecutionOutputs>)slice)];
    }

    /// <summary>Completes the batch's requests; with preserve_ordering, only after every batch dispatched before it. Under the lock.</summary>
    private void Deliver(Batch batch, Result<ExecutionOutputs>[] results)
    {
        void Complete()
        {
            for (var index = 0; index < results.Length; index++)
            {
                batch.Requests[index].Complete(results[index]);
            }
        }

        if (!_policy.PreserveOrdering)
        {
            Complete();
            return;
        }

        _heldForOrder.Add(batch.Sequence, Complete);
        while (_heldForOrder.Remove(_nextToDeliver, out var complete))
        {
            complete();
            _nextToDeliver++;
        }
    }

    private sealed class CompositeDisposable(IDisposable? first, IDisposable? second) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                first?.Dispose();
            }
            finally
            {
                second?.Dispose();
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Modelport.Protocol.Grpc;

namespace Modelport.Cli.Perf;

/// <summary>
/// Sends pre-built requests on one <c>ModelStreamInfer</c> stream and matches answers to requests by id, so several
/// may be in flight on the stream and answers may come in any order.
/// </summary>
internal sealed class GrpcStreamSender : IInferSender
{
    private readonly AsyncDuplexStreamingCall<StreamRequest, ModelStreamInferResponse> _call;
    private readonly byte[][] _payloads;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<string?>> _pending = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly Task _reading;
    private long _nextId;

    public GrpcStreamSender(CallInvoker invoker, byte[][] payloads)
    {
        _call = invoker.AsyncDuplexStreamingCall(GrpcMethods.StreamInfer, host: null, default);
        _payloads = payloads;
        _reading = ReadAsync();
    }

    public async ValueTask<RequestOutcome> SendAsync(int step, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        try
        {
            await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _call.RequestStream.WriteAsync(new StreamRequest(_payloads[step], id), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _writing.Release();
            }
        }
        catch (Exception exception) when (exception is RpcException or InvalidOperationException)
        {
            _pending.TryRemove(id, out _);
            return RequestOutcome.Failed($"the stream failed: {exception.Message}");
        }

        var sent = Stopwatch.GetTimestamp();
        var error = await answer.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return error is null ? new RequestOutcome(null, sent - start, 0) : RequestOutcome.Failed(error);
    }

    public async ValueTask DisposeAsync()
    {
        await _writing.WaitAsync().ConfigureAwait(false);
        try
        {
            await _call.RequestStream.CompleteAsync().ConfigureAwait(false);
            await _reading.ConfigureAwait(false);
        }
        finally
        {
            _call.Dispose();
            _writing.Dispose();
        }
    }

    private async Task ReadAsync()
    {
        string? failure = null;
        try
        {
            await foreach (var response in _call.ResponseStream.ReadAllAsync().ConfigureAwait(false))
            {
                if (long.TryParse(response.InferResponse?.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && _pending.TryRemove(id, out var answer))
                {
                    answer.TrySetResult(string.IsNullOrEmpty(response.ErrorMessage) ? null : response.ErrorMessage);
                }
            }
        }
        catch (RpcException exception)
        {
            failure = $"the stream failed: {exception.Status.StatusCode}: {exception.Status.Detail}";
        }

        // Requests still waiting when the stream ends will get no answer.
        foreach (var (_, answer) in _pending)
        {
            answer.TrySetResult(failure ?? "the stream ended before the answer came");
        }
    }
}

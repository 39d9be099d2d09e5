using System.Diagnostics;
using Grpc.Core;

namespace Modelport.Cli.Perf;

/// <summary>Sends pre-built <c>ModelInfer</c> requests as unary calls on one channel.</summary>
internal sealed class GrpcUnarySender(CallInvoker invoker, byte[][] payloads) : IInferSender
{
    public async ValueTask<RequestOutcome> SendAsync(int step, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var call = invoker.AsyncUnaryCall(GrpcMethods.Infer, host: null, new CallOptions(cancellationToken: cancellationToken), payloads[step]);
            var sent = Stopwatch.GetTimestamp();
            await call.ResponseAsync.ConfigureAwait(false);
            return new RequestOutcome(null, sent - start, 0);
        }
        catch (RpcException exception) when (exception.StatusCode != StatusCode.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            return RequestOutcome.Failed($"{exception.StatusCode}: {exception.Status.Detail}");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

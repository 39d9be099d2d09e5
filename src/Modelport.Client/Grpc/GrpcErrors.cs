using Grpc.Core;

namespace Modelport.Client.Grpc;

/// <summary>Turns a failed call into an <see cref="InferenceServerException"/>, or into cancellation when the caller cancelled.</summary>
internal static class GrpcErrors
{
    public static Exception From(RpcException exception, CancellationToken cancellationToken) =>
        exception.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested
            ? new OperationCanceledException(exception.Status.Detail, exception, cancellationToken)
            : new InferenceServerException(
                Kind(exception.StatusCode),
                exception.Status.Detail is { Length: > 0 } detail ? detail : exception.Message,
                exception.StatusCode,
                exception);

    public static ErrorKind Kind(StatusCode status) => status switch
    {
        StatusCode.InvalidArgument or StatusCode.OutOfRange or StatusCode.FailedPrecondition or StatusCode.AlreadyExists => ErrorKind.InvalidArgument,
        StatusCode.NotFound => ErrorKind.NotFound,
        StatusCode.Unavailable => ErrorKind.Unavailable,
        StatusCode.Unimplemented => ErrorKind.Unimplemented,
        StatusCode.Internal or StatusCode.DataLoss => ErrorKind.Internal,
        StatusCode.DeadlineExceeded => ErrorKind.DeadlineExceeded,
        StatusCode.Cancelled => ErrorKind.Cancelled,
        StatusCode.ResourceExhausted => ErrorKind.ResourceExhausted,
        _ => ErrorKind.Unknown,
    };
}

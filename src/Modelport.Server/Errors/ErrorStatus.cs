using System.Diagnostics;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Modelport.Core.Errors;

namespace Modelport.Server.Errors;

/// <summary>The one table from an error kind to the HTTP status and the gRPC status code a front end answers with (Triton's mapping).</summary>
internal static class ErrorStatus
{
    public static int HttpStatus(InferenceErrorKind kind) => Of(kind).Http;

    public static StatusCode GrpcStatus(InferenceErrorKind kind) => Of(kind).Grpc;

    private static (int Http, StatusCode Grpc) Of(InferenceErrorKind kind) => kind switch
    {
        InferenceErrorKind.InvalidArgument => (StatusCodes.Status400BadRequest, StatusCode.InvalidArgument),
        InferenceErrorKind.NotFound => (StatusCodes.Status404NotFound, StatusCode.NotFound),
        InferenceErrorKind.NotReady or InferenceErrorKind.Unavailable => (StatusCodes.Status503ServiceUnavailable, StatusCode.Unavailable),
        InferenceErrorKind.Unsupported => (StatusCodes.Status501NotImplemented, StatusCode.Unimplemented),
        InferenceErrorKind.Internal => (StatusCodes.Status500InternalServerError, StatusCode.Internal),
        // Triton answers 400 over HTTP for everything else the client got wrong, duplicates, timeouts and
        // cancellations included; gRPC has a code for each.
        InferenceErrorKind.AlreadyExists => (StatusCodes.Status400BadRequest, StatusCode.AlreadyExists),
        InferenceErrorKind.Timeout => (StatusCodes.Status400BadRequest, StatusCode.DeadlineExceeded),
        InferenceErrorKind.Cancelled => (StatusCodes.Status400BadRequest, StatusCode.Cancelled),
        _ => throw new UnreachableException($"no status for the error kind {kind}"),
    };
}

using Microsoft.AspNetCore.Http;
using Modelport.Core.Errors;
using Modelport.Server.Errors;
using Modelport.Server.Http;

namespace Modelport.Server.TorchServe;

/// <summary>Writes TorchServe's error body, <c>{"code": 404, "type": "ModelNotFoundException", "message": "..."}</c>.</summary>
internal static class TorchServeErrors
{
    public static Task WriteAsync(HttpContext context, InferenceError error) =>
        WriteAsync(context, StatusOf(error.Kind), TypeOf(error.Kind), error.Message);

    public static Task WriteAsync(HttpContext context, int status, string type, string message) =>
        JsonResponses.WriteAsync(context, status, (Status: status, Type: type, Message: message), static (writer, error) =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("code", error.Status);
            writer.WriteString("type", error.Type);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        });

    // TorchServe answers a duplicate registration with 409 Conflict, where Triton's table says 400.
    private static int StatusOf(InferenceErrorKind kind) =>
        kind == InferenceErrorKind.AlreadyExists ? StatusCodes.Status409Conflict : ErrorStatus.HttpStatus(kind);

    /// <summary>The names of TorchServe's own exception classes, which its clients read from <c>type</c>.</summary>
    private static string TypeOf(InferenceErrorKind kind) => kind switch
    {
        InferenceErrorKind.NotFound => "ModelNotFoundException",
        InferenceErrorKind.AlreadyExists => "ConflictStatusException",
        InferenceErrorKind.NotReady or InferenceErrorKind.Unavailable => "ServiceUnavailableException",
        InferenceErrorKind.Timeout => "RequestTimeoutException",
        InferenceErrorKind.Internal => "InternalServerException",
        InferenceErrorKind.Unsupported => "MethodNotAllowedException",
        _ => "BadRequestException",
    };
}

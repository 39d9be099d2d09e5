using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Modelport.Core.Errors;
using Modelport.Server.Errors;

namespace Modelport.Server.TorchServe;

/// <summary>Writes TorchServe's error body, <c>{"code": 404, "type": "ModelNotFoundException", "message": "..."}</c>.</summary>
internal static class TorchServeErrors
{
    public static Task WriteAsync(HttpContext context, InferenceError error) =>
        WriteAsync(context, StatusOf(error.Kind), TypeOf(error.Kind), error.Message);

    public static async Task WriteAsync(HttpContext context, int status, string type, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteNumber("code", status);
        writer.WriteString("type", type);
        writer.WriteString("message", message);
        writer.WriteEndObject();
    }

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

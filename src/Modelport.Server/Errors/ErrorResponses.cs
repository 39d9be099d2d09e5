using Microsoft.AspNetCore.Http;
using Modelport.Core.Errors;
using Modelport.Server.Http;

namespace Modelport.Server.Errors;

/// <summary>Writes <c>{"error": "..."}</c>, the error body of the v2 REST protocol, with the status of its kind.</summary>
internal static class ErrorResponses
{
    public static Task WriteAsync(HttpContext context, InferenceError error) =>
        WriteAsync(context, ErrorStatus.HttpStatus(error.Kind), error.Message);

    /// <summary>The answer of a call whose success has no body: the error, or a bare 200.</summary>
    public static async Task WriteOutcomeAsync(HttpContext context, InferenceError? error)
    {
        if (error is not null)
        {
            await WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    public static Task WriteAsync(HttpContext context, int status, string message) =>
        JsonResponses.WriteAsync(context, status, message, static (writer, message) =>
        {
            writer.WriteStartObject();
            writer.WriteString("error", message);
            writer.WriteEndObject();
        });
}

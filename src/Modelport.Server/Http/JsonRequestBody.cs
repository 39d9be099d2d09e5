using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Modelport.Core.Errors;
using Modelport.Server.Json;

namespace Modelport.Server.Http;

/// <summary>The small JSON object bodies of the control calls (repository, shared memory); an empty body is null.</summary>
internal static class JsonRequestBody
{
    public static async Task<Result<JsonElement?>> ReadObjectAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context).ConfigureAwait(false);
        if (body.Error is { } error)
        {
            return error;
        }

        using var buffer = body.Value;
        if (buffer.Length == 0)
        {
            return Result<JsonElement?>.Success(null);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.Memory);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : InferenceError.InvalidArgument("the request body must be a JSON object");
        }
        catch (JsonException exception)
        {
            return RequestJson.InvalidArgument(exception);
        }
    }
}

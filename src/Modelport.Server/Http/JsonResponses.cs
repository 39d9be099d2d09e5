using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Modelport.Server.Http;

/// <summary>Writes a 200 answer whose JSON body the caller writes straight into the response.</summary>
internal static class JsonResponses
{
    public static async Task WriteAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        write(writer);
    }
}

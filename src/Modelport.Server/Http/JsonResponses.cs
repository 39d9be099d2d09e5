using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Modelport.Server.Http;

/// <summary>Writes an answer whose JSON body the caller writes straight into the response.</summary>
internal static class JsonResponses
{
    /// <summary>A 200 answer.</summary>
    public static Task WriteAsync(HttpContext context, Action<Utf8JsonWriter> write) =>
        WriteAsync(context, StatusCodes.Status200OK, write, static (writer, write) => write(writer));

    /// <summary>An answer with <paramref name="status"/>; a static <paramref name="write"/> takes its values from <paramref name="state"/>.</summary>
    public static async Task WriteAsync<TState>(HttpContext context, int status, TState state, Action<Utf8JsonWriter, TState> write)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        write(writer, state);
    }
}

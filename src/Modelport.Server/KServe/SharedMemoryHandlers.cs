using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Modelport.Core.Errors;
using Modelport.Server.Errors;
using Modelport.Server.Http;
using Modelport.Server.SharedMemory;

namespace Modelport.Server.KServe;

/// <summary>Triton's system shared memory extension over REST: status, register and unregister, for one region or all.</summary>
internal static class SharedMemoryHandlers
{
    public static async Task Status(HttpContext context, SharedMemoryRegistry sharedMemory)
    {
        var status = sharedMemory.Status(context.Region());
        if (status.Error is { } error)
        {
            await ErrorResponses.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        await JsonResponses.WriteAsync(context, writer =>
        {
            writer.WriteStartArray();
            foreach (var region in status.Value)
            {
                writer.WriteStartObject();
                writer.WriteString("name", region.Name);
                writer.WriteString("key", region.Key);
                writer.WriteNumber("offset", region.Offset);
                writer.WriteNumber("byte_size", region.ByteSize);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }).ConfigureAwait(false);
    }

    public static async Task Register(HttpContext context, SharedMemoryRegistry sharedMemory)
    {
        var body = await JsonRequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        if (body.Error is { } unreadable)
        {
            await ErrorResponses.WriteAsync(context, unreadable).ConfigureAwait(false);
            return;
        }

        var region = context.Region()!;
        var registration = ReadRegistration(body.Value, region);
        var error = registration.Error ?? sharedMemory.Register(region, registration.Value.Key, registration.Value.Offset, registration.Value.ByteSize);
        await ErrorResponses.WriteOutcomeAsync(context, error).ConfigureAwait(false);
    }

    public static async Task Unregister(HttpContext context, SharedMemoryRegistry sharedMemory)
    {
        if (context.Region() is { } region)
        {
            sharedMemory.Unregister(region);
        }
        else
        {
            sharedMemory.UnregisterAll();
        }

        await ErrorResponses.WriteOutcomeAsync(context, error: null).ConfigureAwait(false);
    }

    private static string? Region(this HttpContext context) => context.Request.RouteValues["region"] as string;

    /// <summary>The body <c>{"key": string, "offset": number (default 0), "byte_size": number}</c>.</summary>
    private static Result<(string Key, long Offset, long ByteSize)> ReadRegistration(JsonElement? body, string region)
    {
        var subject = $"the request to register shared memory region '{region}'";
        if (body is not { } root || !root.TryGetProperty("key", out var key) || key.ValueKind != JsonValueKind.String)
        {
            return InferenceError.InvalidArgument($"{subject} needs a body with a 'key' string, such as {{\"key\": \"/input_data\", \"offset\": 0, \"byte_size\": 64}}");
        }

        var offset = 0L;
        if (root.TryGetProperty("offset", out var offsetValue) && !TryGetSize(offsetValue, out offset))
        {
            return InferenceError.InvalidArgument($"{subject}: 'offset' must be an integer of 0 or more, not {offsetValue.GetRawText()}");
        }

        if (!root.TryGetProperty("byte_size", out var sizeValue) || !TryGetSize(sizeValue, out var byteSize))
        {
            return InferenceError.InvalidArgument($"{subject} needs 'byte_size', an integer of 0 or more");
        }

        return (key.GetString()!, offset, byteSize);
    }

    private static bool TryGetSize(JsonElement value, out long size)
    {
        size = 0;
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out size) && size >= 0;
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Modelport.Core.Configuration;
using Modelport.Core.Errors;
using Modelport.Core.Lifecycle;
using Modelport.Server.Errors;
using Modelport.Server.Http;

namespace Modelport.Server.KServe;

/// <summary>Triton's model repository extension: index, load (with an optional config override) and unload.</summary>
internal static class RepositoryHandlers
{
    private const string FileOverridePrefix = "file:";

    public static async Task Index(HttpContext context, ModelManager models)
    {
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body.Error is { } error)
        {
            await ErrorResponses.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        var readyOnly = body.Value is { } root && root.TryGetProperty("ready", out var ready) && ready.ValueKind == JsonValueKind.True;
        var rows = models.GetIndex(readyOnly);
        await JsonResponses.WriteAsync(context, writer =>
        {
            writer.WriteStartArray();
            foreach (var row in rows)
            {
                writer.WriteStartObject();
                writer.WriteString("name", row.Name);
                if (row.Version.Length > 0)
                {
                    writer.WriteString("version", row.Version);
                }

                writer.WriteString("state", row.State.WireName());
                writer.WriteString("reason", row.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }).ConfigureAwait(false);
    }

    public static async Task Load(HttpContext context, ModelManager models)
    {
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        var configOverride = body.IsSuccess ? ReadConfigOverride(body.Value) : body.Error!;
        if (configOverride.Error is { } invalid)
        {
            await ErrorResponses.WriteAsync(context, invalid).ConfigureAwait(false);
            return;
        }

        var error = await models.LoadModelAsync(context.Model(), configOverride.Value, context.RequestAborted).ConfigureAwait(false);
        await WriteOutcomeAsync(context, error).ConfigureAwait(false);
    }

    public static async Task Unload(HttpContext context, ModelManager models)
    {
        var error = await models.UnloadModelAsync(context.Model(), context.RequestAborted).ConfigureAwait(false);
        await WriteOutcomeAsync(context, error).ConfigureAwait(false);
    }

    private static async Task WriteOutcomeAsync(HttpContext context, InferenceError? error)
    {
        if (error is not null)
        {
            await ErrorResponses.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>The <c>config</c> parameter's JSON replaces config.pbtxt. File overrides would let a client write model files onto the server, so they are refused.</summary>
    private static Result<ModelConfig?> ReadConfigOverride(JsonElement? body)
    {
        if (body is not { } root || !root.TryGetProperty("parameters", out var parameters) || parameters.ValueKind != JsonValueKind.Object)
        {
            return Result<ModelConfig?>.Success(null);
        }

        ModelConfig? config = null;
        foreach (var parameter in parameters.EnumerateObject())
        {
            if (parameter.Name.StartsWith(FileOverridePrefix, StringComparison.Ordinal))
            {
                return InferenceError.Unsupported($"load parameter '{parameter.Name}': file overrides are not supported; place model files in the repository");
            }

            if (parameter.Name != "config")
            {
                continue;
            }

            if (parameter.Value.ValueKind != JsonValueKind.String)
            {
                return InferenceError.InvalidArgument("load parameter 'config' must be a string holding the model config as JSON");
            }

            try
            {
                config = ModelConfigJson.Parse(parameter.Value.GetString()!);
            }
            catch (ModelConfigParseException exception)
            {
                return InferenceError.InvalidArgument($"load parameter 'config' is not a valid model config: {exception.Message}");
            }
        }

        return config;
    }

    private static async Task<Result<JsonElement?>> ReadBodyAsync(HttpContext context)
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
            return InferenceError.InvalidArgument($"the request body is not valid JSON: {exception.Message}");
        }
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Modelport.Core.Lifecycle;
using Modelport.Server.Errors;
using Modelport.Server.Http;
using Modelport.Server.Repository;

namespace Modelport.Server.KServe;

/// <summary>Triton's model repository extension over REST: index, load (with an optional config override) and unload.</summary>
internal static class RepositoryHandlers
{
    public static async Task Index(HttpContext context, ModelManager models)
    {
        var body = await JsonRequestBody.ReadObjectAsync(context).ConfigureAwait(false);
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
        var body = await JsonRequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        if (body.Error is { } unreadable)
        {
            await ErrorResponses.WriteAsync(context, unreadable).ConfigureAwait(false);
            return;
        }

        var error = await RepositoryLoad.LoadAsync(models, context.Model(), LoadParameters(body.Value), context.RequestAborted).ConfigureAwait(false);
        await ErrorResponses.WriteOutcomeAsync(context, error).ConfigureAwait(false);
    }

    public static async Task Unload(HttpContext context, ModelManager models)
    {
        var error = await models.UnloadModelAsync(context.Model(), context.RequestAborted).ConfigureAwait(false);
        await ErrorResponses.WriteOutcomeAsync(context, error).ConfigureAwait(false);
    }

    private static IEnumerable<(string Name, string? Text)> LoadParameters(JsonElement? body) =>
        body is { } root && root.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object
            ? parameters.EnumerateObject().Select(parameter => (parameter.Name, parameter.Value.ValueKind == JsonValueKind.String ? parameter.Value.GetString() : null))
            : [];
}

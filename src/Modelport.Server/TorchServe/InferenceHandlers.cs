using Microsoft.AspNetCore.Http;
using Modelport.Core.Errors;
using Modelport.Core.Inference;
using Modelport.Core.Lifecycle;
using Modelport.Server.Http;
using Modelport.Server.Json;

namespace Modelport.Server.TorchServe;

/// <summary>TorchServe's inference API: health (<c>/ping</c>) and predictions.</summary>
internal static class InferenceHandlers
{
    public static Task Ping(HttpContext context, ModelManager models)
    {
        var ready = models.IsReady;
        return JsonResponses.WriteAsync(context, ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, ready, static (writer, ready) =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", ready ? "Healthy" : "Unhealthy");
            writer.WriteEndObject();
        });
    }

    public static async Task Predict(HttpContext context, ModelManager models, InferenceService inference)
    {
        var target = Target(models, context.Model(), context.Version());
        if (target.Error is { } unknown)
        {
            await TorchServeErrors.WriteAsync(context, unknown).ConfigureAwait(false);
            return;
        }

        var payload = await PredictionPayload.ReadAsync(context).ConfigureAwait(false);
        if (payload.Error is { } unreadable)
        {
            await TorchServeErrors.WriteAsync(context, unreadable).ConfigureAwait(false);
            return;
        }

        using var body = payload.Value;
        var parsed = PredictionRequestReader.Read(body, target.Value);
        if (parsed.Error is { } invalid)
        {
            await TorchServeErrors.WriteAsync(context, invalid).ConfigureAwait(false);
            return;
        }

        using var request = parsed.Value;
        var result = await inference.InferAsync(request.Request, context.RequestAborted).ConfigureAwait(false);
        if (result.Error is { } failed)
        {
            await TorchServeErrors.WriteAsync(context, failed).ConfigureAwait(false);
            return;
        }

        using var response = result.Value;
        await PredictionResponseWriter.WriteAsync(context, response).ConfigureAwait(false);
    }

    /// <summary>Pins the version that will run the request and reads its signature; the hold is released at once.</summary>
    private static Result<ModelTarget> Target(ModelManager models, string model, string? versionText)
    {
        var version = TorchServeVersions.Parse(model, versionText);
        if (version.Error is { } invalid)
        {
            return invalid;
        }

        return ModelTarget.Pin(models, model, version.Value);
    }
}

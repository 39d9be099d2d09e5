using Microsoft.AspNetCore.Http;
using Modelport.Core.Errors;
using Modelport.Core.Inference;
using Modelport.Core.Lifecycle;
using Modelport.Server.Errors;
using Modelport.Server.Http;
using Modelport.Server.Json;
using Modelport.Server.Tracing;

namespace Modelport.Server.TfServing;

internal static partial class TfServingHandlers
{
    public static async Task Post(HttpContext context, ModelManager models, InferenceService inference)
    {
        var route = ParseRoute(context);
        if (route.Error is { } malformed)
        {
            await ErrorResponses.WriteAsync(context, malformed).ConfigureAwait(false);
            return;
        }

        if (route.Value.Verb != TfServingVerb.Predict)
        {
            await ErrorResponses.WriteAsync(context, InferenceError.Unsupported(
                $"':{route.Value.Verb.ToString().ToLowerInvariant()}' takes tf.Example inputs, which Modelport does not support; " +
                "use ':predict' with 'instances' or 'inputs'")).ConfigureAwait(false);
            return;
        }

        var version = VersionOf(route.Value, models);
        var target = version.IsSuccess ? ModelTarget.Pin(models, route.Value.Model, version.Value) : version.Error!;
        if (target.Error is { } unknown)
        {
            await ErrorResponses.WriteAsync(context, unknown).ConfigureAwait(false);
            return;
        }

        var body = await RequestBody.ReadAsync(context).ConfigureAwait(false);
        if (body.Error is { } unreadable)
        {
            await ErrorResponses.WriteAsync(context, unreadable).ConfigureAwait(false);
            return;
        }

        using var bodyBuffer = body.Value;
        var parsed = PredictRequestReader.Read(bodyBuffer.Memory, target.Value);
        if (parsed.Error is { } invalid)
        {
            await ErrorResponses.WriteAsync(context, invalid).ConfigureAwait(false);
            return;
        }

        using var request = parsed.Value;
        var result = await inference.InferTracedAsync(request.Request, InferenceTracing.TfServingRest, context.Request, context.RequestAborted).ConfigureAwait(false);
        if (result.Error is { } failed)
        {
            await ErrorResponses.WriteAsync(context, failed).ConfigureAwait(false);
            return;
        }

        using var response = result.Value;
        await PredictResponseWriter.WriteAsync(context, response, request.Format).ConfigureAwait(false);
    }
}

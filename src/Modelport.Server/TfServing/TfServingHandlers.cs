using System.Globalization;
using Microsoft.AspNetCore.Http;
using Modelport.Core.Errors;
using Modelport.Core.Lifecycle;
using Modelport.Server.Errors;
using Modelport.Server.Http;

namespace Modelport.Server.TfServing;

/// <summary>TF Serving's REST handlers: model status and metadata (GET), predict (POST).</summary>
internal static partial class TfServingHandlers
{
    public static async Task Get(HttpContext context, ModelManager models)
    {
        var route = ParseRoute(context);
        if (route.Error is { } malformed)
        {
            await ErrorResponses.WriteAsync(context, malformed).ConfigureAwait(false);
            return;
        }

        var version = VersionOf(route.Value, models);
        if (version.Error is { } unknown)
        {
            await ErrorResponses.WriteAsync(context, unknown).ConfigureAwait(false);
            return;
        }

        if (route.Value.Verb == TfServingVerb.Metadata)
        {
            await WriteMetadataAsync(context, models, route.Value.Model, version.Value).ConfigureAwait(false);
            return;
        }

        var status = ModelStatusWriter.Find(models, route.Value.Model, version.Value);
        if (status.Error is { } error)
        {
            await ErrorResponses.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        await JsonResponses.WriteAsync(context, writer => ModelStatusWriter.Write(writer, status.Value)).ConfigureAwait(false);
    }

    private static Result<TfServingRoute> ParseRoute(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var route = TfServingRoute.Parse(context.Request.Method, path);
        if (route is null)
        {
            // TF Serving's own words for a path outside its API.
            return InferenceError.InvalidArgument($"Malformed request: {context.Request.Method} {path}");
        }

        return route.Model.Length == 0 ? InferenceError.InvalidArgument("Missing model name in request.") : route;
    }

    /// <summary>The version the path names, directly or by label; null lets the latest ready version answer.</summary>
    private static Result<long?> VersionOf(TfServingRoute route, ModelManager models)
    {
        if (route.Label is { } label)
        {
            var labelled = VersionLabels.Resolve(models, route.Model, label);
            return labelled.IsSuccess ? labelled.Value : labelled.Error!;
        }

        if (route.Version is null)
        {
            return (long?)null;
        }

        return long.TryParse(route.Version, NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : InferenceError.InvalidArgument($"model version '{route.Version}' of model '{route.Model}' is not a version number");
    }

    private static Result<ModelLease> Acquire(ModelManager models, string model, long? version) =>
        models.Acquire(model, version?.ToString(CultureInfo.InvariantCulture));

    private static async Task WriteMetadataAsync(HttpContext context, ModelManager models, string model, long? version)
    {
        var acquired = Acquire(models, model, version);
        if (acquired.Error is { } error)
        {
            await ErrorResponses.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        using var lease = acquired.Value;
        await JsonResponses.WriteAsync(context, writer => MetadataWriter.Write(writer, lease.Handle)).ConfigureAwait(false);
    }
}

using Microsoft.AspNetCore.Http;
using Modelport.Core.Inference;
using Modelport.Server.Errors;
using Modelport.Server.Http;

namespace Modelport.Server.Statistics;

/// <summary>Triton's statistics extension over REST: every ready model, one model's ready versions, or one version.</summary>
internal static class StatisticsHandlers
{
    public static async Task Get(HttpContext context, InferenceService inference)
    {
        var model = context.Request.RouteValues["model"] as string;
        var version = context.Request.RouteValues["version"] as string;
        var statistics = inference.GetStatistics(model, version);
        if (statistics.Error is { } error)
        {
            await ErrorResponses.WriteAsync(context, error).ConfigureAwait(false);
            return;
        }

        await JsonResponses.WriteAsync(context, writer => StatisticsJson.Write(writer, statistics.Value)).ConfigureAwait(false);
    }
}

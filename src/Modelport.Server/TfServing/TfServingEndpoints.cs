using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Modelport.Server.TfServing;

/// <summary>
/// TensorFlow Serving's REST API under <c>/v1</c>. Its verbs follow a colon inside the last path segment
/// (<c>/v1/models/m:predict</c>), so one catch-all route per method hands the path to <see cref="TfServingRoute"/>.
/// </summary>
internal static class TfServingEndpoints
{
    public static IEndpointRouteBuilder MapTfServing(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/{**path}", TfServingHandlers.Get);
        endpoints.MapPost("/v1/{**path}", TfServingHandlers.Post);
        return endpoints;
    }
}

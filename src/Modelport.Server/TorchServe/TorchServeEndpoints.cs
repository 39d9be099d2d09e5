using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Modelport.Server.TorchServe;

/// <summary>TorchServe's REST APIs: inference always; management only when the operator turns it on.</summary>
internal static class TorchServeEndpoints
{
    public static IEndpointRouteBuilder MapTorchServeInference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/ping", InferenceHandlers.Ping);
        endpoints.MapPost("/predictions/{model}", InferenceHandlers.Predict);
        endpoints.MapPost("/predictions/{model}/{version}", InferenceHandlers.Predict);
        return endpoints;
    }

    public static string Model(this HttpContext context) => (string)context.Request.RouteValues["model"]!;

    public static string? Version(this HttpContext context) => context.Request.RouteValues["version"] as string;
}

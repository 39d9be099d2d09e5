using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modelport.Server.Statistics;

namespace Modelport.Server.KServe;

/// <summary>The KServe v2 / Open Inference Protocol REST routes, with and without a model version in the path.</summary>
internal static class KServeEndpoints
{
    public static IEndpointRouteBuilder MapKServeV2(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v2/health/live", KServeHandlers.Live);
        endpoints.MapGet("/v2/health/ready", KServeHandlers.Ready);
        endpoints.MapGet("/v2", KServeHandlers.ServerMetadata);
        foreach (var prefix in new[] { "/v2/models/{model}", "/v2/models/{model}/versions/{version}" })
        {
            endpoints.MapGet(prefix, KServeHandlers.ModelMetadata);
            endpoints.MapGet(prefix + "/ready", KServeHandlers.ModelReady);
            endpoints.MapGet(prefix + "/config", KServeHandlers.ModelConfig);
            endpoints.MapPost(prefix + "/infer", KServeHandlers.Infer);
            endpoints.MapGet(prefix + "/stats", StatisticsHandlers.Get);
        }

        endpoints.MapGet("/v2/models/stats", StatisticsHandlers.Get);

        endpoints.MapPost("/v2/repository/index", RepositoryHandlers.Index);
        endpoints.MapPost("/v2/repository/models/{model}/load", RepositoryHandlers.Load);
        endpoints.MapPost("/v2/repository/models/{model}/unload", RepositoryHandlers.Unload);
        endpoints.MapGet("/v2/systemsharedmemory/status", SharedMemoryHandlers.Status);
        endpoints.MapGet("/v2/systemsharedmemory/region/{region}/status", SharedMemoryHandlers.Status);
        endpoints.MapPost("/v2/systemsharedmemory/region/{region}/register", SharedMemoryHandlers.Register);
        endpoints.MapPost("/v2/systemsharedmemory/unregister", SharedMemoryHandlers.Unregister);
        endpoints.MapPost("/v2/systemsharedmemory/region/{region}/unregister", SharedMemoryHandlers.Unregister);
        return endpoints;
    }

    public static string Model(this HttpContext context) => (string)context.Request.RouteValues["model"]!;

    public static string? Version(this HttpContext context) => context.Request.RouteValues["version"] as string;
}

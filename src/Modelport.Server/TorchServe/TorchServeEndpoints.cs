using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modelport.Server.Hosting;

namespace Modelport.Server.TorchServe;

/// <summary>TorchServe's REST APIs: inference always; management only when the operator turns it on.</summary>
internal static class TorchServeEndpoints
{
    public static IEndpointRouteBuilder MapTorchServeInference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/ping", InferenceHandlers.Ping);
        // TorchServe takes PUT as well as POST, so its documented `curl -T kitten.jpg` uploads work.
        string[] methods = [HttpMethods.Post, HttpMethods.Put];
        endpoints.MapMethods("/predictions/{model}", methods, InferenceHandlers.Predict);
        endpoints.MapMethods("/predictions/{model}/{version}", methods, InferenceHandlers.Predict);
        return endpoints;
    }

    /// <summary>
    /// The management routes. With a management listener of its own, they answer only there and it answers nothing
    /// else, so an operator can keep registration off the port that clients reach.
    /// </summary>
    public static WebApplication MapTorchServeManagement(this WebApplication app, Listeners listeners)
    {
        if (listeners.Management is not null)
        {
            app.Use(async (context, next) =>
            {
                var onManagementPort = context.Connection.LocalPort == listeners.Management.IPEndPoint?.Port;
                if (onManagementPort != IsManagementPath(context.Request.Path))
                {
                    // TorchServe's answer to a path outside the API of the port.
                    await TorchServeErrors.WriteAsync(
                        context, StatusCodes.Status404NotFound, "ResourceNotFoundException", "Requested resource is not found, please refer to API document.").ConfigureAwait(false);
                    return;
                }

                await next(context).ConfigureAwait(false);
            });
        }

        app.MapGet("/models", ManagementHandlers.List);
        app.MapPost("/models", ManagementHandlers.Register);
        app.MapGet("/models/{model}", ManagementHandlers.Describe);
        app.MapGet("/models/{model}/all", ManagementHandlers.Describe);
        app.MapGet("/models/{model}/{version}", ManagementHandlers.Describe);
        app.MapPut("/models/{model}", ManagementHandlers.Scale);
        app.MapPut("/models/{model}/{version}", ManagementHandlers.Scale);
        app.MapPut("/models/{model}/{version}/set-default", ManagementHandlers.SetDefault);
        app.MapDelete("/models/{model}", ManagementHandlers.Unregister);
        app.MapDelete("/models/{model}/{version}", ManagementHandlers.Unregister);
        return app;
    }

    public static string Model(this HttpContext context) => (string)context.Request.RouteValues["model"]!;

    public static string? Version(this HttpContext context) => context.Request.RouteValues["version"] as string;

    private static bool IsManagementPath(PathString path) => path.StartsWithSegments("/models", StringComparison.Ordinal);
}

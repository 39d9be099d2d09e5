using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modelport.Server.Hosting;

namespace Modelport.Server.Metrics;

/// <summary>
/// Serves <c>GET /metrics</c>: on the HTTP port, or only on the metrics port when one is configured, which then answers
/// nothing else.
/// </summary>
internal static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static WebApplication UseModelportMetrics(this WebApplication app)
    {
        // Resolved now, not at the first scrape: the exporter's listener must be there before the first request completes.
        var exporter = app.Services.GetRequiredService<PrometheusExporter>();
        var listeners = app.Services.GetRequiredService<Listeners>();
        app.Use(next => async context =>
        {
            var onMetricsPort = listeners.Metrics?.IPEndPoint is { } metrics && context.Connection.LocalPort == metrics.Port;
            if (listeners.Metrics is not null && !onMetricsPort)
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            if (context.Request.Path == Path && HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.ContentType = PrometheusTextWriter.ContentType;
                await context.Response.WriteAsync(exporter.Scrape(), context.RequestAborted).ConfigureAwait(false);
            }
            else if (onMetricsPort)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
            else
            {
                await next(context).ConfigureAwait(false);
            }
        });
        return app;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Modelport.Core.Diagnostics;
using Modelport.Server.Hosting;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Modelport.Server.Tracing;

internal static class TracingRegistration
{
    /// <summary>The standard variable that names an OTLP collector; the exporter reads it (and its siblings) itself.</summary>
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Exports Modelport's spans over OTLP when <c>--trace-otlp-endpoint</c> or <see cref="EndpointVariable"/> names a
    /// collector; otherwise registers nothing, so nothing listens and no span is ever created.
    /// </summary>
    public static IServiceCollection AddModelportTracing(this IServiceCollection services, ModelportServerOptions server)
    {
        if (server.TraceOtlpEndpoint is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(EndpointVariable)))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServerVersion.Name, serviceVersion: ServerVersion.Current))
            .WithTracing(tracing => tracing
                .AddSource(ModelportTracing.SourceName)
                .AddOtlpExporter(otlp =>
                {
                    if (server.TraceOtlpEndpoint is { } endpoint)
                    {
                        otlp.Endpoint = endpoint;
                    }

                    if (server.TraceOtlpProtocol is { } protocol)
                    {
                        otlp.Protocol = protocol;
                    }
                }));
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Modelport.Core.Diagnostics;

namespace Modelport.Server.Metrics;

internal static class MetricsRegistration
{
    /// <summary>Registers Modelport's metrics (the model manager picks them up) and the Prometheus exporter over them.</summary>
    public static IServiceCollection AddModelportMetrics(this IServiceCollection services, ModelportMetricsOptions options)
    {
        options.Validate();
        services.AddMetrics();
        services.TryAddSingleton(options);
        services.TryAddSingleton<ModelportMetrics>();
        services.TryAddSingleton<PrometheusExporter>();
        return services;
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Modelport.Core.Lifecycle;

namespace Modelport.Server.Grpc;

/// <summary>Healthy while the server is ready, so grpc.health.v1 answers SERVING exactly when <c>ServerReady</c> answers true.</summary>
internal sealed class ReadinessHealthCheck(ModelManager models) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(models.IsReady ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("the models are not all ready"));
}

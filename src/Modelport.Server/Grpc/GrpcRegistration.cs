using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modelport.Protocol.Grpc;
using Modelport.Server.Hosting;

namespace Modelport.Server.Grpc;

/// <summary>The gRPC front end: Triton's inference service, grpc.health.v1 and server reflection.</summary>
internal static class GrpcRegistration
{
    public static IServiceCollection AddModelportGrpc(this IServiceCollection services, ModelportServerOptions server)
    {
        services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = server.MaxGrpcMessageBytes;
            grpc.MaxSendMessageSize = server.MaxGrpcMessageBytes;
        });
        services.AddGrpcReflection();
        // The overall status ("") and the inference service's own name both report readiness.
        services.AddGrpcHealthChecks(health => health.Services.Map(GRPCInferenceService.Descriptor.FullName, _ => true))
            .AddCheck<ReadinessHealthCheck>("ready");
        return services;
    }

    public static IEndpointRouteBuilder MapModelportGrpc(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<GrpcInferenceService>();
        endpoints.MapGrpcHealthChecksService();
        endpoints.MapGrpcReflectionService();
        return endpoints;
    }
}

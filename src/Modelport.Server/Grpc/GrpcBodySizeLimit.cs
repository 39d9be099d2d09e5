using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Modelport.Server.Grpc;

/// <summary>
/// Leaves gRPC calls to gRPC's own per-message limit. Kestrel's request body limit is sized for REST bodies, and grpc-dotnet
/// lifts it for streaming calls only, so a unary message just under the gRPC limit (plus its 5-byte frame header), or a
/// REST limit set below the gRPC one, would otherwise refuse a message gRPC allows.
/// </summary>
internal static class GrpcBodySizeLimit
{
    public static IApplicationBuilder UseGrpcMessageLimitForGrpcCalls(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is not null
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = null;
        }

        return next(context);
    });
}

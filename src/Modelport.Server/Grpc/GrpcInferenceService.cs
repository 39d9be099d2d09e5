using Grpc.Core;
using Modelport.Core.Inference;
using Modelport.Core.Lifecycle;
using Modelport.Protocol.Grpc;
using Modelport.Server.Hosting;
using Modelport.Server.SharedMemory;

namespace Modelport.Server.Grpc;

/// <summary>
/// Triton's <c>inference.GRPCInferenceService</c>. Each RPC translates its messages and calls <see cref="InferenceService"/>,
/// <see cref="ModelManager"/> or <see cref="SharedMemoryRegistry"/>; errors become the gRPC status of their kind. Split by
/// concern into partial files.
/// </summary>
internal sealed partial class GrpcInferenceService(InferenceService inference, ModelManager models, SharedMemoryRegistry sharedMemory)
    : GRPCInferenceService.GRPCInferenceServiceBase
{
    public override Task<ServerLiveResponse> ServerLive(ServerLiveRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerLiveResponse { Live = true });

    public override Task<ServerReadyResponse> ServerReady(ServerReadyRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerReadyResponse { Ready = models.IsReady });

    public override Task<ServerMetadataResponse> ServerMetadata(ServerMetadataRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerMetadataResponse { Name = ServerVersion.Name, Version = ServerVersion.Current, Extensions = { ServerExtensions.Names } });

    /// <summary>An empty version field lets the version policy choose.</summary>
    private static string? VersionOf(string version) => version.Length == 0 ? null : version;
}

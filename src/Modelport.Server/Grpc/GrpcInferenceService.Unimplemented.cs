using Grpc.Core;
using Modelport.Core.Errors;
using Modelport.Protocol.Grpc;

namespace Modelport.Server.Grpc;

/// <summary>The RPCs of features this server does not have yet (or, for CUDA memory, at all): UNIMPLEMENTED, saying why.</summary>
internal sealed partial class GrpcInferenceService
{
    private const string NoCudaSharedMemory = "CUDA shared memory is not supported: Modelport runs models on the CPU and has no GPU memory to share";

    public override Task<CudaSharedMemoryStatusResponse> CudaSharedMemoryStatus(CudaSharedMemoryStatusRequest request, ServerCallContext context) =>
        throw Unimplemented(NoCudaSharedMemory);

    public override Task<CudaSharedMemoryRegisterResponse> CudaSharedMemoryRegister(CudaSharedMemoryRegisterRequest request, ServerCallContext context) =>
        throw Unimplemented(NoCudaSharedMemory);

    public override Task<CudaSharedMemoryUnregisterResponse> CudaSharedMemoryUnregister(CudaSharedMemoryUnregisterRequest request, ServerCallContext context) =>
        throw Unimplemented(NoCudaSharedMemory);

    public override Task<TraceSettingResponse> TraceSetting(TraceSettingRequest request, ServerCallContext context) =>
        throw Unimplemented("trace settings are not supported yet: Modelport does not trace requests");

    public override Task<LogSettingsResponse> LogSettings(LogSettingsRequest request, ServerCallContext context) =>
        throw Unimplemented("log settings cannot be read or changed over gRPC yet; set logging in the server's configuration");

    private static RpcException Unimplemented(string message) => InferenceError.Unsupported(message).ToRpcException();
}

using Grpc.Core;
using Modelport.Core.Errors;
using Modelport.Protocol.Grpc;

namespace Modelport.Server.Grpc;

/// <summary>Triton's system shared memory extension: status, register and unregister.</summary>
internal sealed partial class GrpcInferenceService
{
    public override Task<SystemSharedMemoryStatusResponse> SystemSharedMemoryStatus(SystemSharedMemoryStatusRequest request, ServerCallContext context)
    {
        var status = sharedMemory.Status(request.Name);
        if (status.Error is { } error)
        {
            throw error.ToRpcException();
        }

        var response = new SystemSharedMemoryStatusResponse();
        foreach (var region in status.Value)
        {
            response.Regions[region.Name] = new SystemSharedMemoryStatusResponse.Types.RegionStatus
            {
                Name = region.Name,
                Key = region.Key,
                Offset = (ulong)region.Offset,
                ByteSize = (ulong)region.ByteSize,
            };
        }

        return Task.FromResult(response);
    }

    public override Task<SystemSharedMemoryRegisterResponse> SystemSharedMemoryRegister(SystemSharedMemoryRegisterRequest request, ServerCallContext context)
    {
        var error = request.Offset > long.MaxValue || request.ByteSize > long.MaxValue
            ? InferenceError.InvalidArgument($"shared memory region '{request.Name}': offset {request.Offset} and byte_size {request.ByteSize} must each be at most {long.MaxValue}")
            : sharedMemory.Register(request.Name, request.Key, (long)request.Offset, (long)request.ByteSize);
        return error is null ? Task.FromResult(new SystemSharedMemoryRegisterResponse()) : throw error.ToRpcException();
    }

    public override Task<SystemSharedMemoryUnregisterResponse> SystemSharedMemoryUnregister(SystemSharedMemoryUnregisterRequest request, ServerCallContext context)
    {
        if (request.Name.Length == 0)
        {
            sharedMemory.UnregisterAll();
        }
        else
        {
            sharedMemory.Unregister(request.Name);
        }

        return Task.FromResult(new SystemSharedMemoryUnregisterResponse());
    }
}

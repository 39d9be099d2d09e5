using Grpc.Core;
using Modelport.Core.Errors;
using Modelport.Server.Errors;

namespace Modelport.Server.Grpc;

/// <summary>Turns an error value into the gRPC status its kind maps to in <see cref="ErrorStatus"/>.</summary>
internal static class GrpcErrors
{
    public static RpcException ToRpcException(this InferenceError error) => new(new Status(ErrorStatus.GrpcStatus(error.Kind), error.Message));
}

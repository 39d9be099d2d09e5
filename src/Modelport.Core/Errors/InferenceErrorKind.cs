namespace Modelport.Core.Errors;

/// <summary>What went wrong, in the terms the protocol front ends map to a status (HTTP and gRPC share one table).</summary>
public enum InferenceErrorKind
{
    InvalidArgument,
    NotFound,
    AlreadyExists,
    NotReady,
    Unavailable,
    Unsupported,
    Timeout,
    Cancelled,
    Internal,
}

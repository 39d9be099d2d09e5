namespace Modelport.Server.Tests.TestSupport.Clients;

/// <summary>An error in terms both transports share; each client maps its own status (HTTP status, gRPC code) to one.</summary>
public enum ApiError
{
    InvalidArgument,
    NotFound,
    AlreadyExists,
    Unavailable,
    Unimplemented,
    Other,
}

namespace Modelport.Client;

/// <summary>What went wrong, the same whichever transport carried the request.</summary>
public enum ErrorKind
{
    /// <summary>A status this client does not map to a kind.</summary>
    Unknown,

    /// <summary>The request was wrong: a bad input name, datatype, shape or parameter, or a name registered twice (HTTP 400, gRPC InvalidArgument or AlreadyExists).</summary>
    InvalidArgument,

    /// <summary>No such model or version (HTTP 404, gRPC NotFound).</summary>
    NotFound,

    /// <summary>The server or model is not ready, or could not be reached (HTTP 503, gRPC Unavailable).</summary>
    Unavailable,

    /// <summary>The server does not implement what was asked (HTTP 501, gRPC Unimplemented).</summary>
    Unimplemented,

    /// <summary>The server failed (HTTP 500, gRPC Internal), or answered with something this client cannot read.</summary>
    Internal,

    /// <summary>The request ran out of time (gRPC DeadlineExceeded).</summary>
    DeadlineExceeded,

    /// <summary>The server gave up on the request (gRPC Cancelled); a cancelled token throws <see cref="OperationCanceledException"/> instead.</summary>
    Cancelled,

    /// <summary>The server is out of room, such as a full queue (gRPC ResourceExhausted).</summary>
    ResourceExhausted,
}

using System.Net;
using Grpc.Core;

namespace Modelport.Client;

/// <summary>
/// The server refused or failed a request, or could not be reached. <see cref="Exception.Message"/> is the server's
/// own message; <see cref="ErrorKind"/> says what went wrong whichever transport was used.
/// </summary>
public sealed class InferenceServerException : Exception
{
    internal InferenceServerException(ErrorKind kind, string message, HttpStatusCode? httpStatusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorKind = kind;
        HttpStatusCode = httpStatusCode;
    }

    internal InferenceServerException(ErrorKind kind, string message, StatusCode grpcStatusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorKind = kind;
        GrpcStatusCode = grpcStatusCode;
    }

    /// <summary>What went wrong, independent of the transport.</summary>
    public ErrorKind ErrorKind { get; }

    /// <summary>The HTTP status the server answered with; null over gRPC or when no answer came.</summary>
    public HttpStatusCode? HttpStatusCode { get; }

    /// <summary>The gRPC status the call ended with; null over HTTP.</summary>
    public StatusCode? GrpcStatusCode { get; }
}

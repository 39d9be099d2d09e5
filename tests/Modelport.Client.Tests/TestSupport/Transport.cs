namespace Modelport.Client.Tests.TestSupport;

/// <summary>How a test's client talks to the server; each functional test runs once per transport.</summary>
public enum Transport
{
    /// <summary>REST with the binary tensor data extension (the default).</summary>
    Http,

    /// <summary>REST with tensors as JSON arrays.</summary>
    HttpJson,

    /// <summary>gRPC with raw tensor contents.</summary>
    Grpc,
}

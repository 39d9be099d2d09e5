namespace Modelport.Server.Tests.TestSupport.Clients;

/// <summary>An inference call in transport-neutral terms.</summary>
internal sealed record InferCall(string Model, IReadOnlyList<Tensor> Inputs)
{
    public string? Version { get; init; }

    public string? Id { get; init; }

    /// <summary>The outputs asked for by name; null asks for all.</summary>
    public IReadOnlyList<string>? Outputs { get; init; }

    /// <summary>The binary form: the binary tensor data extension over REST, raw contents over gRPC. Otherwise JSON or typed contents.</summary>
    public bool Binary { get; init; }

    /// <summary>Request parameters (a long or a bool), such as <c>priority</c>, <c>timeout</c> and <c>sequence_start</c>.</summary>
    public IReadOnlyDictionary<string, object> Parameters { get; init; } = new Dictionary<string, object>();

    /// <summary>The inputs whose data is in shared memory, and the requested outputs to write there, by name.</summary>
    public IReadOnlyDictionary<string, SharedMemoryPlace> SharedMemory { get; init; } = new Dictionary<string, SharedMemoryPlace>();
}

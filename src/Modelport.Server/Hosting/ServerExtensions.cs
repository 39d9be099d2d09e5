namespace Modelport.Server.Hosting;

/// <summary>The protocol extensions this server implements, as server metadata lists them over REST and gRPC alike (as Triton does).</summary>
internal static class ServerExtensions
{
    public static IReadOnlyList<string> Names { get; } = ["binary_tensor_data", "model_configuration", "model_repository", "statistics", "system_shared_memory"];
}

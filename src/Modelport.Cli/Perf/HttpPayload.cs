namespace Modelport.Cli.Perf;

/// <summary>An infer request body built once: JSON, or a JSON header and raw tensors (<paramref name="HeaderLength"/> set, formatted).</summary>
internal sealed record HttpPayload(byte[] Body, string? HeaderLength);

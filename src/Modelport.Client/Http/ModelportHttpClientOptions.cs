namespace Modelport.Client;

/// <summary>How <see cref="ModelportHttpClient"/> talks to the server.</summary>
public sealed record ModelportHttpClientOptions
{
    /// <summary>
    /// Send inputs and receive outputs as raw bytes after the JSON (the binary tensor data extension) rather than as
    /// JSON arrays. On by default: it is smaller, faster, and exact for every datatype (JSON carries BYTES as text and
    /// has no NaN); turn it off for servers that lack the extension.
    /// </summary>
    public bool BinaryData { get; init; } = true;
}

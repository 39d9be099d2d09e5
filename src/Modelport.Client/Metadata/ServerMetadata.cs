namespace Modelport.Client;

/// <summary>What the server says about itself.</summary>
/// <param name="Name">The server's name.</param>
/// <param name="Version">The server's version.</param>
/// <param name="Extensions">The protocol extensions it implements, such as <c>binary_tensor_data</c>.</param>
public sealed record ServerMetadata(string Name, string Version, IReadOnlyList<string> Extensions);

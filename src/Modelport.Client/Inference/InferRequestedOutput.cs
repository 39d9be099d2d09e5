namespace Modelport.Client;

/// <summary>An output the request asks for; a request that names none gets every output of the model.</summary>
/// <param name="name">The output's name.</param>
public sealed class InferRequestedOutput(string name)
{
    /// <summary>The output's name.</summary>
    public string Name { get; } = !string.IsNullOrEmpty(name) ? name : throw new ArgumentException("an output needs a name", nameof(name));

    /// <summary>The output's parameters, such as <c>classification</c> where the server supports it.</summary>
    public IDictionary<string, InferParameter> Parameters { get; } = new Dictionary<string, InferParameter>(StringComparer.Ordinal);
}

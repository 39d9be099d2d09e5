namespace Modelport.Client;

/// <summary>The result of an inference request.</summary>
public sealed class InferResult
{
    internal InferResult(string modelName, string? modelVersion, string? id, IReadOnlyList<InferOutput> outputs, IReadOnlyDictionary<string, InferParameter> parameters)
    {
        ModelName = modelName;
        ModelVersion = modelVersion;
        Id = id;
        Outputs = outputs;
        Parameters = parameters;
    }

    /// <summary>The model that answered.</summary>
    public string ModelName { get; }

    /// <summary>The version that answered, when the server says.</summary>
    public string? ModelVersion { get; }

    /// <summary>The request's id, echoed.</summary>
    public string? Id { get; }

    /// <summary>The output tensors, in the server's order.</summary>
    public IReadOnlyList<InferOutput> Outputs { get; }

    /// <summary>Response parameters, when the server sends any.</summary>
    public IReadOnlyDictionary<string, InferParameter> Parameters { get; }

    /// <summary>The output with this name.</summary>
    /// <param name="name">The output's name.</param>
    /// <exception cref="KeyNotFoundException">The result has no such output.</exception>
    public InferOutput GetOutput(string name) =>
        Outputs.FirstOrDefault(output => output.Name == name)
        ?? throw new KeyNotFoundException($"the result of model '{ModelName}' has no output '{name}'; it has {string.Join(", ", Outputs.Select(output => $"'{output.Name}'"))}");
}

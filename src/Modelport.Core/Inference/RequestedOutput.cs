namespace Modelport.Core.Inference;

/// <summary>An output the client asked for by name, with its per-output parameters (such as <c>classification</c>).</summary>
public sealed record RequestedOutput(string Name)
{
    public IReadOnlyDictionary<string, ParameterValue> Parameters { get; init; } = InferenceRequest.NoParameters;
}

using Modelport.Core.Tensors;

namespace Modelport.Core.Inference;

/// <summary>One inference call, as every protocol front end translates it.</summary>
public sealed record InferenceRequest
{
    internal static readonly IReadOnlyDictionary<string, ParameterValue> NoParameters = new Dictionary<string, ParameterValue>();

    public required string ModelName { get; init; }

    /// <summary>The version asked for; null or empty lets the version policy choose (the highest ready version).</summary>
    public string? ModelVersion { get; init; }

    /// <summary>The client's request id, echoed in the response.</summary>
    public string? Id { get; init; }

    public required IReadOnlyList<InferenceTensor> Inputs { get; init; }

    /// <summary>The outputs to return; null returns every output of the model.</summary>
    public IReadOnlyList<RequestedOutput>? Outputs { get; init; }

    public IReadOnlyDictionary<string, ParameterValue> Parameters { get; init; } = NoParameters;
}

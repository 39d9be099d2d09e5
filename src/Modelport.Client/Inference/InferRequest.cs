namespace Modelport.Client;

/// <summary>An inference request: the inputs, optionally which outputs to return, an id and parameters.</summary>
public sealed class InferRequest
{
    /// <summary>An empty request; add inputs to <see cref="Inputs"/>.</summary>
    public InferRequest()
    {
    }

    /// <summary>A request with these inputs.</summary>
    /// <param name="inputs">The input tensors.</param>
    public InferRequest(params IEnumerable<InferInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var input in inputs)
        {
            Inputs.Add(input);
        }
    }

    /// <summary>The input tensors.</summary>
    public IList<InferInput> Inputs { get; } = [];

    /// <summary>The outputs to return; empty for all of them.</summary>
    public IList<InferRequestedOutput> Outputs { get; } = [];

    /// <summary>An id the server echoes in the result, to match results to requests.</summary>
    public string? Id { get; set; }

    /// <summary>Request parameters, such as <c>priority</c>, <c>timeout</c> or the <c>sequence_*</c> controls.</summary>
    public IDictionary<string, InferParameter> Parameters { get; } = new Dictionary<string, InferParameter>(StringComparer.Ordinal);
}

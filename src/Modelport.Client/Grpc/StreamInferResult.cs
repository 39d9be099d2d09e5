namespace Modelport.Client;

/// <summary>One answer on an inference stream: a result, or the error of the request it answers, while the stream goes on.</summary>
public sealed class StreamInferResult
{
    internal StreamInferResult(InferResult? result, InferenceServerException? error, string? id)
    {
        Result = result;
        Error = error;
        Id = id;
    }

    /// <summary>The result; null when the request failed.</summary>
    public InferResult? Result { get; }

    /// <summary>Why the request failed, with the server's message; null when it succeeded.</summary>
    public InferenceServerException? Error { get; }

    /// <summary>The id of the request this answers, when the request had one.</summary>
    public string? Id { get; }

    /// <summary>The result, or the request's error thrown.</summary>
    /// <exception cref="InferenceServerException">The request failed.</exception>
    public InferResult GetResult() => Result ?? throw Error!;
}

using Modelport.Core.Tensors;

namespace Modelport.Core.Inference;

/// <summary>
/// The outputs of one inference call. Output data may live in engine-owned memory, so the front end disposes the
/// response once the outputs are written to the wire.
/// </summary>
public sealed class InferenceResponse : IDisposable
{
    private IDisposable? _outputMemoryOwner;

    public InferenceResponse(
        string modelName,
        string modelVersion,
        string? id,
        IReadOnlyList<InferenceTensor> outputs,
        IDisposable? outputMemoryOwner)
    {
        ModelName = modelName;
        ModelVersion = modelVersion;
        Id = id;
        Outputs = outputs;
        _outputMemoryOwner = outputMemoryOwner;
    }

    public string ModelName { get; }

    public string ModelVersion { get; }

    public string? Id { get; }

    public IReadOnlyList<InferenceTensor> Outputs { get; }

    public void Dispose()
    {
        Interlocked.Exchange(ref _outputMemoryOwner, null)?.Dispose();
    }
}

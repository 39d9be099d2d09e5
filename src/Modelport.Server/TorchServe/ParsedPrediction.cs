using Modelport.Core.Inference;
using Modelport.Server.Http;

namespace Modelport.Server.TorchServe;

/// <summary>A prediction request read from the wire; owns the pooled buffers its JSON tensors were parsed into.</summary>
internal sealed class ParsedPrediction(InferenceRequest request, PooledBuffers buffers) : IDisposable
{
    public InferenceRequest Request { get; } = request;

    public void Dispose() => buffers.Dispose();
}

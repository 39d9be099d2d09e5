using Modelport.Core.Inference;
using Modelport.Server.Http;

namespace Modelport.Server.TfServing;

/// <summary>A predict request read from the wire; owns the pooled buffers its tensors were parsed into.</summary>
internal sealed class ParsedPredictRequest(InferenceRequest request, PredictFormat format, PooledBuffers buffers) : IDisposable
{
    public InferenceRequest Request { get; } = request;

    public PredictFormat Format { get; } = format;

    public void Dispose() => buffers.Dispose();
}

using System.Buffers;
using Modelport.Core.Inference;

namespace Modelport.Server.KServe;

/// <summary>
/// A v2 infer request read from the wire: the core request plus what only the protocol needs (binary output choice).
/// Owns the pooled buffers its tensors were parsed into; dispose it after the response is written.
/// </summary>
internal sealed class ParsedInferRequest : IDisposable
{
    private readonly List<byte[]> _rentedBuffers;

    public ParsedInferRequest(InferenceRequest request, bool binaryDataOutput, List<byte[]> rentedBuffers)
    {
        Request = request;
        BinaryDataOutput = binaryDataOutput;
        _rentedBuffers = rentedBuffers;
    }

    public InferenceRequest Request { get; }

    /// <summary>The request parameter <c>binary_data_output</c>: outputs default to the binary form.</summary>
    public bool BinaryDataOutput { get; }

    public void Dispose()
    {
        foreach (var buffer in _rentedBuffers)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _rentedBuffers.Clear();
    }
}

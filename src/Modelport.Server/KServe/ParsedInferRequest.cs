using Modelport.Core.Inference;
using Modelport.Server.Http;
using Modelport.Server.SharedMemory;

namespace Modelport.Server.KServe;

/// <summary>
/// A v2 infer request read from the wire: the core request plus what only the protocol needs (binary output choice).
/// Owns the pooled buffers its tensors were parsed into and its hold on the shared memory it uses; dispose it after the
/// response is written.
/// </summary>
internal sealed class ParsedInferRequest(InferenceRequest request, bool binaryDataOutput, PooledBuffers buffers, SharedMemoryBindings sharedMemory)
    : IDisposable
{
    public InferenceRequest Request { get; } = request;

    /// <summary>The request parameter <c>binary_data_output</c>: outputs default to the binary form.</summary>
    public bool BinaryDataOutput { get; } = binaryDataOutput;

    public SharedMemoryBindings SharedMemory { get; } = sharedMemory;

    public void Dispose()
    {
        buffers.Dispose();
        SharedMemory.Dispose();
    }
}

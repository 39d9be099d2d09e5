using System.Buffers;
using Modelport.Core.Backends;
using Modelport.Core.Tensors;

namespace Modelport.Core.Scheduling;

/// <summary>
/// The inputs of a batch of several requests, each tensor assembled from the requests' rows into one contiguous pooled
/// buffer. The buffers go back to the pool when this is disposed, which must wait until the engine is done with them.
/// </summary>
internal sealed class BatchInputs : IDisposable
{
    private readonly byte[][] _buffers;

    public BatchInputs(IReadOnlyList<ScheduledRequest> requests)
    {
        var first = requests[0].Inputs;
        var batchSize = requests.Sum(request => request.BatchSize);
        _buffers = new byte[first.Tensors.Count][];
        var tensors = new InferenceTensor[first.Tensors.Count];
        for (var index = 0; index < tensors.Length; index++)
        {
            var template = first.Tensors[index];
            var length = requests.Sum(request => request.Inputs.Tensors[index].Data.Length);
            var buffer = ArrayPool<byte>.Shared.Rent(length);
            _buffers[index] = buffer;
            var offset = 0;
            foreach (var request in requests)
            {
                var data = request.Inputs.Tensors[index].Data.Span;
                data.CopyTo(buffer.AsSpan(offset));
                offset += data.Length;
            }

            tensors[index] = template with { Shape = [batchSize, .. template.Shape.AsSpan(1)], Data = buffer.AsMemory(0, length) };
        }

        Execution = new ExecutionInputs(tensors, first.OutputNames);
    }

    public ExecutionInputs Execution { get; }

    public void Dispose()
    {
        foreach (var buffer in _buffers)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

using System.Buffers.Binary;
using Modelport.Core.Backends;
using Modelport.Core.Errors;
using Modelport.Core.Tensors;

namespace Modelport.Core.Scheduling;

/// <summary>
/// Splits the outputs of a batch into each request's rows. The slices point into the batch's output memory (no copy);
/// each request holds a lease on it and the last one to be disposed releases it.
/// </summary>
internal static class BatchOutputs
{
    public static Result<ExecutionOutputs[]> Split(
        string modelName, ExecutionOutputs outputs, IReadOnlyList<ScheduledRequest> requests, IDisposable batchMemory)
    {
        var batchSize = requests.Sum(request => request.BatchSize);
        var perRequest = new InferenceTensor[requests.Count][];
        for (var index = 0; index < requests.Count; index++)
        {
            perRequest[index] = new InferenceTensor[outputs.Tensors.Count];
        }

        for (var output = 0; output < outputs.Tensors.Count; output++)
        {
            var tensor = outputs.Tensors[output];
            if (tensor.Shape.Length == 0 || tensor.Shape[0] != batchSize)
            {
                return InferenceError.Internal(
                    $"model '{modelName}': output '{tensor.Name}' has shape {TensorShape.Format(tensor.Shape)} for a batch of {batchSize}; its first dimension must be the batch size");
            }

            var rows = RowOffsets(tensor, batchSize);
            if (rows is null)
            {
                return InferenceError.Internal($"model '{modelName}': output '{tensor.Name}' has malformed BYTES data");
            }

            long row = 0;
            for (var index = 0; index < requests.Count; index++)
            {
                var rowCount = requests[index].BatchSize;
                var start = rows[row];
                var end = rows[row + rowCount];
                perRequest[index][output] = tensor with
                {
                    Shape = [rowCount, .. tensor.Shape.AsSpan(1)],
                    Data = tensor.Data[(int)start..(int)end],
                };
                row += rowCount;
            }
        }

        var owner = new SharedOwner(batchMemory, requests.Count);
        return perRequest.Select(tensors => new ExecutionOutputs(tensors, owner.Lease())).ToArray();
    }

    /// <summary>The byte offset at which each row starts, and the end of the data last; null when BYTES data is malformed.</summary>
    private static long[]? RowOffsets(InferenceTensor tensor, long batchSize)
    {
        var offsets = new long[batchSize + 1];
        if (tensor.DataType != DataType.Bytes)
        {
            var rowLength = tensor.Data.Length / batchSize;
            for (var row = 0; row <= batchSize; row++)
            {
                offsets[row] = row * rowLength;
            }

            return offsets;
        }

        var elementsPerRow = (TensorShape.ElementCount(tensor.Shape) ?? 0) / batchSize;
        var data = tensor.Data.Span;
        long position = 0;
        for (var row = 1; row <= batchSize; row++)
        {
            for (var element = 0L; element < elementsPerRow; element++)
            {
                if (data.Length - position < sizeof(uint))
                {
                    return null;
                }

                var length = BinaryPrimitives.ReadUInt32LittleEndian(data[(int)position..]);
                position += sizeof(uint) + (long)length;
                if (position > data.Length)
                {
                    return null;
                }
            }

            offsets[row] = position;
        }

        return offsets;
    }
}

using Modelport.Core.Errors;
using Modelport.Core.Inference;

namespace Modelport.Server.SharedMemory;

/// <summary>Where a tensor lies in a registered region: the offset is relative to the region, not to its file.</summary>
internal sealed record SharedMemoryReference(string Region, long Offset, long ByteSize)
{
    /// <summary>
    /// The reference a tensor's parameters make, or null when they name no region. As in Triton, the region and the byte
    /// size are required together and the offset defaults to 0.
    /// </summary>
    public static Result<SharedMemoryReference?> From(IReadOnlyDictionary<string, ParameterValue> parameters, string subject)
    {
        var hasRegion = parameters.TryGetValue(SharedMemoryParameters.Region, out var region);
        var hasSize = parameters.TryGetValue(SharedMemoryParameters.ByteSize, out var size);
        var hasOffset = parameters.TryGetValue(SharedMemoryParameters.Offset, out var offset);
        if (!hasRegion && !hasSize && !hasOffset)
        {
            return Result<SharedMemoryReference?>.Success(null);
        }

        if (region.Value is not string name || name.Length == 0)
        {
            return InferenceError.InvalidArgument($"{subject} has shared memory parameters but no {SharedMemoryParameters.Region} naming a registered region");
        }

        if (!hasSize)
        {
            return InferenceError.InvalidArgument($"{subject} refers to shared memory region '{name}' without {SharedMemoryParameters.ByteSize}");
        }

        if (!size.TryGetInt64(out var byteSize) || byteSize < 0)
        {
            return InferenceError.InvalidArgument($"{subject}: {SharedMemoryParameters.ByteSize} must be an integer of 0 or more, not {size}");
        }

        var start = 0L;
        if (hasOffset && (!offset.TryGetInt64(out start) || start < 0))
        {
            return InferenceError.InvalidArgument($"{subject}: {SharedMemoryParameters.Offset} must be an integer of 0 or more, not {offset}");
        }

        return new SharedMemoryReference(name, start, byteSize);
    }
}

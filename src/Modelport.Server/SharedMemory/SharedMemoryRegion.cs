using Modelport.Core.Errors;
using Modelport.Core.Tensors;

namespace Modelport.Server.SharedMemory;

/// <summary>
/// A registered region. Reference-counted like a model handle: the registry holds one reference while the name is
/// registered and each request using the region holds another; the mapping is undone when the last one is released, so
/// unregistering never takes memory from under a request in flight.
/// </summary>
internal sealed unsafe class SharedMemoryRegion(string name, string key, long offset, SharedMemoryMapping mapping)
{
    private int _references = 1;

    public string Name { get; } = name;

    /// <summary>The key the client registered, such as <c>/input_data</c>.</summary>
    public string Key { get; } = key;

    /// <summary>Where the region starts in its file.</summary>
    public long Offset { get; } = offset;

    public long ByteSize => mapping.ByteSize;

    /// <summary>
    /// The bytes [offset, offset + byteSize) of the region, for one tensor of <paramref name="subject"/>. Both are 0 or
    /// more, so the comparisons below cannot overflow where offset + byteSize would.
    /// </summary>
    public Result<Memory<byte>> Slice(long offset, long byteSize, string subject)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(byteSize);
        if (offset > ByteSize || byteSize > ByteSize - offset)
        {
            return InferenceError.InvalidArgument(
                $"{subject}: {SharedMemoryParameters.Offset} {offset} + {SharedMemoryParameters.ByteSize} {byteSize} runs past the end of shared memory region '{Name}', which has {ByteSize} bytes");
        }

        if (byteSize > int.MaxValue)
        {
            return InferenceError.InvalidArgument(
                $"{subject}: {SharedMemoryParameters.ByteSize} {byteSize} is more than the {int.MaxValue} bytes one tensor may have");
        }

        return new NativeMemory((IntPtr)(mapping.Pointer + offset), (int)byteSize).Memory;
    }

    internal bool TryAcquire()
    {
        var references = Volatile.Read(ref _references);
        while (references > 0)
        {
            var seen = Interlocked.CompareExchange(ref _references, references + 1, references);
            if (seen == references)
            {
                return true;
            }

            references = seen;
        }

        return false;
    }

    internal void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            mapping.Dispose();
        }
    }
}

using System.Buffers;

namespace Modelport.Core.Tensors;

/// <summary>
/// A view of native memory as <see cref="Memory{T}"/>, such as an engine's output tensor or a mapped shared memory
/// region. It owns nothing: whoever owns the memory keeps it alive for as long as the view is used.
/// </summary>
public sealed unsafe class NativeMemory(IntPtr pointer, int length) : MemoryManager<byte>
{
    public override Span<byte> GetSpan() => new((void*)pointer, length);

    // Native memory never moves: pinning is only handing out the address.
    public override MemoryHandle Pin(int elementIndex = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(elementIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(elementIndex, length);
        return new MemoryHandle((byte*)pointer + elementIndex);
    }

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }
}

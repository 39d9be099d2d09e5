using System.Buffers;
using System.Runtime.InteropServices;

namespace Modelport.Client.Tensors;

/// <summary>
/// Views a <see cref="ReadOnlyMemory{T}"/> of unmanaged elements as bytes without copying, so a caller's tensor
/// goes to the wire straight from its own buffer. The bytes are only ever read.
/// </summary>
internal sealed class CastMemoryManager<T>(ReadOnlyMemory<T> source) : MemoryManager<byte>
    where T : unmanaged
{
    public override Span<byte> GetSpan() => MemoryMarshal.AsBytes(MemoryMarshal.AsMemory(source).Span);

    /// <summary>Pins the source; the handle returned releases the source's pin when disposed.</summary>
    public override unsafe MemoryHandle Pin(int elementIndex = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(elementIndex);
        var pinned = source.Pin();
        return new MemoryHandle((byte*)pinned.Pointer + elementIndex, default, new SourcePin(pinned));
    }

    public override void Unpin()
    {
        // Each pin is released by its own SourcePin.
    }

    protected override void Dispose(bool disposing)
    {
        // Nothing owned: the source memory belongs to the caller.
    }

    private sealed class SourcePin(MemoryHandle pinned) : IPinnable
    {
        public MemoryHandle Pin(int elementIndex) => throw new NotSupportedException();

        public void Unpin() => pinned.Dispose();
    }
}

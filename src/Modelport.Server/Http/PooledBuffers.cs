using System.Buffers;

namespace Modelport.Server.Http;

/// <summary>The pooled buffers one request's tensors were parsed into, returned together once its response is written.</summary>
internal sealed class PooledBuffers : IDisposable
{
    private readonly List<byte[]> _rented = [];

    public Memory<byte> Rent(int length)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        _rented.Add(buffer);
        return buffer.AsMemory(0, length);
    }

    public void Dispose()
    {
        foreach (var buffer in _rented)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _rented.Clear();
    }
}

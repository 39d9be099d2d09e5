using System.Buffers.Binary;
using Modelport.Core.Tensors;

namespace Modelport.Server.Json;

/// <summary>Walks a tensor's elements in order: fixed-size slices, or BYTES elements without their length prefix.</summary>
internal struct ElementCursor(InferenceTensor tensor)
{
    private readonly int _size = tensor.DataType.ElementSize();
    private ReadOnlyMemory<byte> _rest = tensor.Data;

    public ReadOnlySpan<byte> Next()
    {
        var rest = _rest.Span;
        var offset = 0;
        var length = _size;
        if (_size == 0)
        {
            offset = BytesElements.LengthPrefixSize;
            length = (int)BinaryPrimitives.ReadUInt32LittleEndian(rest);
        }

        _rest = _rest[(offset + length)..];
        return rest.Slice(offset, length);
    }
}

using System.Buffers.Binary;
using System.Text;

namespace Modelport.Client.Tensors;

/// <summary>The serialized form of a BYTES tensor: each element is a 4-byte little-endian length, then its bytes.</summary>
internal static class BytesElements
{
    public const int LengthPrefixSize = 4;

    public static byte[] FromStrings(IEnumerable<string> values) => Join(values.Select(Encoding.UTF8.GetBytes));

    public static byte[] Join(IEnumerable<byte[]> elements)
    {
        var list = elements as IReadOnlyCollection<byte[]> ?? [.. elements];
        var buffer = new byte[list.Sum(element => LengthPrefixSize + (long)element.Length)];
        var offset = 0;
        foreach (var element in list)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(offset), element.Length);
            element.CopyTo(buffer, offset + LengthPrefixSize);
            offset += LengthPrefixSize + element.Length;
        }

        return buffer;
    }

    /// <summary>The elements as slices of <paramref name="data"/>; null when the length prefixes don't add up to the data.</summary>
    public static List<ReadOnlyMemory<byte>>? Split(ReadOnlyMemory<byte> data)
    {
        var elements = new List<ReadOnlyMemory<byte>>();
        var offset = 0;
        while (offset < data.Length)
        {
            if (data.Length - offset < LengthPrefixSize)
            {
                return null;
            }

            var length = BinaryPrimitives.ReadUInt32LittleEndian(data.Span[offset..]);
            offset += LengthPrefixSize;
            if (length > (uint)(data.Length - offset))
            {
                return null;
            }

            elements.Add(data.Slice(offset, (int)length));
            offset += (int)length;
        }

        return elements;
    }
}

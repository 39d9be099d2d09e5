using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Modelport.Core.Tensors;

/// <summary>
/// The layout of a <see cref="DataType.Bytes"/> tensor's data: each element is a 4-byte little-endian length followed
/// by that many bytes (the KServe v2 binary tensor data extension's layout, used for BYTES everywhere inside Modelport).
/// </summary>
public static class BytesElements
{
    public const int LengthPrefixSize = sizeof(uint);

    /// <summary>Counts the elements in <paramref name="data"/>; null when an element's length runs past the end.</summary>
    public static long? Count(ReadOnlySpan<byte> data)
    {
        long count = 0;
        while (!data.IsEmpty)
        {
            if (data.Length < LengthPrefixSize)
            {
                return null;
            }

            var length = BinaryPrimitives.ReadUInt32LittleEndian(data);
            if (length > (uint)(data.Length - LengthPrefixSize))
            {
                return null;
            }

            data = data[(LengthPrefixSize + (int)length)..];
            count++;
        }

        return count;
    }

    /// <summary>The elements of well-formed data (checked with <see cref="Count"/> first).</summary>
    public static Enumerator Enumerate(ReadOnlyMemory<byte> data) => new(data);

    public static void Write(IBufferWriter<byte> writer, ReadOnlySpan<byte> element)
    {
        var span = writer.GetSpan(LengthPrefixSize + element.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)element.Length);
        element.CopyTo(span[LengthPrefixSize..]);
        writer.Advance(LengthPrefixSize + element.Length);
    }

    public static byte[] FromStrings(IEnumerable<string> elements)
    {
        var writer = new ArrayBufferWriter<byte>();
        foreach (var element in elements)
        {
            Write(writer, Encoding.UTF8.GetBytes(element));
        }

        return writer.WrittenSpan.ToArray();
    }

    public struct Enumerator(ReadOnlyMemory<byte> remaining)
    {
        private ReadOnlyMemory<byte> _remaining = remaining;

        public ReadOnlyMemory<byte> Current { get; private set; }

        public readonly Enumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_remaining.Length < LengthPrefixSize)
            {
                return false;
            }

            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(_remaining.Span);
            Current = _remaining.Slice(LengthPrefixSize, length);
            _remaining = _remaining[(LengthPrefixSize + length)..];
            return true;
        }
    }
}

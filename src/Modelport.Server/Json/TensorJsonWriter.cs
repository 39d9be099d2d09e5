using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Modelport.Core.Tensors;

namespace Modelport.Server.Json;

/// <summary>
/// Writes tensor data as JSON: a flat array as Triton does, or element by element for front ends that nest the
/// values themselves.
/// </summary>
internal static class TensorJsonWriter
{
    public static void WriteData(Utf8JsonWriter writer, DataType type, ReadOnlySpan<byte> data)
    {
        writer.WriteStartArray();
        if (type == DataType.Bytes)
        {
            while (data.Length >= BytesElements.LengthPrefixSize)
            {
                var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(data);
                WriteBytesElement(writer, data.Slice(BytesElements.LengthPrefixSize, length));
                data = data[(BytesElements.LengthPrefixSize + length)..];
            }
        }
        else
        {
            var size = type.ElementSize();
            for (var offset = 0; offset + size <= data.Length; offset += size)
            {
                WriteElement(writer, type, data.Slice(offset, size));
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a BYTES element (without its length prefix) as a JSON string.</summary>
    public static void WriteBytesElement(Utf8JsonWriter writer, ReadOnlySpan<byte> element)
    {
        if (System.Text.Unicode.Utf8.IsValid(element))
        {
            writer.WriteStringValue(element);
        }
        else
        {
            // JSON strings carry text only; bytes that are not UTF-8 come through the binary form intact.
            writer.WriteStringValue(Encoding.UTF8.GetString(element));
        }
    }

    /// <summary>
    /// Writes one element of a fixed-size type, floating-point values spelled in the front end's <paramref name="style"/>.
    /// </summary>
    public static void WriteElement(Utf8JsonWriter writer, DataType type, ReadOnlySpan<byte> element, RealNumberStyle style = RealNumberStyle.V2)
    {
        switch (type)
        {
            case DataType.Bool:
                writer.WriteBooleanValue(element[0] != 0);
                break;
            case DataType.UInt8:
                writer.WriteNumberValue(element[0]);
                break;
            case DataType.UInt16:
                writer.WriteNumberValue(BinaryPrimitives.ReadUInt16LittleEndian(element));
                break;
            case DataType.UInt32:
                writer.WriteNumberValue(BinaryPrimitives.ReadUInt32LittleEndian(element));
                break;
            case DataType.UInt64:
                writer.WriteNumberValue(BinaryPrimitives.ReadUInt64LittleEndian(element));
                break;
            case DataType.Int8:
                writer.WriteNumberValue((sbyte)element[0]);
                break;
            case DataType.Int16:
                writer.WriteNumberValue(BinaryPrimitives.ReadInt16LittleEndian(element));
                break;
            case DataType.Int32:
                writer.WriteNumberValue(BinaryPrimitives.ReadInt32LittleEndian(element));
                break;
            case DataType.Int64:
                writer.WriteNumberValue(BinaryPrimitives.ReadInt64LittleEndian(element));
                break;
            case DataType.Fp16:
                WriteReal(writer, (float)BinaryPrimitives.ReadHalfLittleEndian(element), style);
                break;
            case DataType.Bf16:
                WriteReal(writer, BFloat16Bits.ToSingle(BinaryPrimitives.ReadUInt16LittleEndian(element)), style);
                break;
            case DataType.Fp32:
                WriteReal(writer, BinaryPrimitives.ReadSingleLittleEndian(element), style);
                break;
            case DataType.Fp64:
                WriteReal(writer, BinaryPrimitives.ReadDoubleLittleEndian(element), style);
                break;
        }
    }

    private static void WriteReal<T>(Utf8JsonWriter writer, T value, RealNumberStyle style)
        where T : IBinaryFloatingPointIeee754<T>, IUtf8SpanFormattable
    {
        if (!T.IsFinite(value))
        {
            var word = T.IsNaN(value) ? "NaN" : T.IsPositive(value) ? "Infinity" : "-Infinity";
            if (style == RealNumberStyle.TfServing)
            {
                writer.WriteRawValue(word, skipInputValidation: true);
            }
            else
            {
                writer.WriteStringValue(word);
            }

            return;
        }

        // The shortest text that reads back as the same value; a float is not widened to double first, which would add digits.
        Span<byte> text = stackalloc byte[40];
        value.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        if (style == RealNumberStyle.TfServing && text[..length].IndexOfAny(".E"u8) < 0)
        {
            ".0"u8.CopyTo(text[length..]);
            length += 2;
        }

        writer.WriteRawValue(text[..length], skipInputValidation: true);
    }
}

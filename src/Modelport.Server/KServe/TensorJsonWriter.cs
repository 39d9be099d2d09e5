using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Modelport.Core.Tensors;

namespace Modelport.Server.KServe;

/// <summary>Writes a tensor's data as a flat JSON array, as Triton does.</summary>
internal static class TensorJsonWriter
{
    public static void WriteData(Utf8JsonWriter writer, DataType type, ReadOnlySpan<byte> data)
    {
        writer.WriteStartArray();
        if (type == DataType.Bytes)
        {
            WriteBytesElements(writer, data);
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

    private static void WriteBytesElements(Utf8JsonWriter writer, ReadOnlySpan<byte> data)
    {
        while (data.Length >= BytesElements.LengthPrefixSize)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(data);
            var element = data.Slice(BytesElements.LengthPrefixSize, length);
            if (System.Text.Unicode.Utf8.IsValid(element))
            {
                writer.WriteStringValue(element);
            }
            else
            {
                // JSON strings carry text only; bytes that are not UTF-8 come through the binary form intact.
                writer.WriteStringValue(Encoding.UTF8.GetString(element));
            }

            data = data[(BytesElements.LengthPrefixSize + length)..];
        }
    }

    private static void WriteElement(Utf8JsonWriter writer, DataType type, ReadOnlySpan<byte> element)
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
                WriteReal(writer, (float)BinaryPrimitives.ReadHalfLittleEndian(element));
                break;
            case DataType.Bf16:
                WriteReal(writer, BFloat16Bits.ToSingle(BinaryPrimitives.ReadUInt16LittleEndian(element)));
                break;
            case DataType.Fp32:
                WriteReal(writer, BinaryPrimitives.ReadSingleLittleEndian(element));
                break;
            case DataType.Fp64:
                WriteReal(writer, BinaryPrimitives.ReadDoubleLittleEndian(element));
                break;
        }
    }

    /// <summary>JSON has no NaN or infinities; like Python's json module, write them as the bare words NaN, Infinity, -Infinity.</summary>
    private static void WriteReal(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteRawValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity", skipInputValidation: true);
        }
    }

    private static void WriteReal(Utf8JsonWriter writer, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            WriteReal(writer, (double)value);
        }
    }
}

using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;
using Modelport.Core.Tensors;

namespace Modelport.Server.Json;

/// <summary>
/// Reads a tensor's JSON values (nested or flat arrays, row-major) straight into a typed little-endian buffer,
/// without building an object tree. The element readers serve front ends that walk the arrays themselves.
/// </summary>
internal static class TensorJsonReader
{
    private const int MaxNesting = 64;

    /// <summary>Reads the value at the reader's position; the buffer must hold exactly elementCount elements.</summary>
    public static void ReadFixedSize(ref Utf8JsonReader reader, string inputName, DataType type, Span<byte> buffer, long elementCount)
    {
        long written = 0;
        ReadValues(ref reader, inputName, type, buffer, ref written, elementCount, null, 0);
        CheckCount(inputName, written, elementCount);
    }

    public static void ReadBytes(ref Utf8JsonReader reader, string inputName, IBufferWriter<byte> writer, long elementCount)
    {
        long written = 0;
        ReadValues(ref reader, inputName, DataType.Bytes, [], ref written, elementCount, writer, 0);
        CheckCount(inputName, written, elementCount);
    }

    private static void CheckCount(string inputName, long written, long elementCount)
    {
        if (written != elementCount)
        {
            throw new RequestFormatException($"input '{inputName}': its shape has {elementCount} elements but its data has {written}");
        }
    }

    private static void ReadValues(
        ref Utf8JsonReader reader, string inputName, DataType type, Span<byte> buffer, ref long written, long elementCount, IBufferWriter<byte>? bytesWriter, int depth)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            if (depth >= MaxNesting)
            {
                throw new RequestFormatException($"input '{inputName}': its data is nested more than {MaxNesting} arrays deep");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                ReadValues(ref reader, inputName, type, buffer, ref written, elementCount, bytesWriter, depth + 1);
            }

            return;
        }

        if (written >= elementCount)
        {
            throw new RequestFormatException($"input '{inputName}': its data has more elements than the {elementCount} of its shape");
        }

        if (bytesWriter is not null)
        {
            WriteBytesElement(ref reader, inputName, bytesWriter);
        }
        else
        {
            var size = type.ElementSize();
            WriteElement(ref reader, inputName, type, buffer.Slice((int)(written * size), size));
        }

        written++;
    }

    /// <summary>Appends the string at the reader's position as a BYTES element (length prefix and UTF-8 bytes).</summary>
    public static void WriteBytesElement(ref Utf8JsonReader reader, string inputName, IBufferWriter<byte> writer)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Unexpected(ref reader, inputName, DataType.Bytes, "a string");
        }

        var maxLength = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        var span = writer.GetSpan(BytesElements.LengthPrefixSize + maxLength);
        var length = reader.CopyString(span[BytesElements.LengthPrefixSize..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)length);
        writer.Advance(BytesElements.LengthPrefixSize + length);
    }

    /// <summary>Writes the JSON value at the reader's position as one element of a fixed-size type.</summary>
    public static void WriteElement(ref Utf8JsonReader reader, string inputName, DataType type, Span<byte> target)
    {
        switch (type)
        {
            case DataType.Bool:
                target[0] = reader.TokenType switch
                {
                    JsonTokenType.True => 1,
                    JsonTokenType.False => 0,
                    _ => throw Unexpected(ref reader, inputName, type, "true or false"),
                };
                break;
            case DataType.Int8:
                target[0] = (byte)checked((sbyte)Integer(ref reader, inputName, type, sbyte.MinValue, sbyte.MaxValue));
                break;
            case DataType.Int16:
                BinaryPrimitives.WriteInt16LittleEndian(target, (short)Integer(ref reader, inputName, type, short.MinValue, short.MaxValue));
                break;
            case DataType.Int32:
                BinaryPrimitives.WriteInt32LittleEndian(target, (int)Integer(ref reader, inputName, type, int.MinValue, int.MaxValue));
                break;
            case DataType.Int64:
                BinaryPrimitives.WriteInt64LittleEndian(target, Integer(ref reader, inputName, type, long.MinValue, long.MaxValue));
                break;
            case DataType.UInt8:
                target[0] = (byte)Unsigned(ref reader, inputName, type, byte.MaxValue);
                break;
            case DataType.UInt16:
                BinaryPrimitives.WriteUInt16LittleEndian(target, (ushort)Unsigned(ref reader, inputName, type, ushort.MaxValue));
                break;
            case DataType.UInt32:
                BinaryPrimitives.WriteUInt32LittleEndian(target, (uint)Unsigned(ref reader, inputName, type, uint.MaxValue));
                break;
            case DataType.UInt64:
                BinaryPrimitives.WriteUInt64LittleEndian(target, Unsigned(ref reader, inputName, type, ulong.MaxValue));
                break;
            case DataType.Fp16:
                BinaryPrimitives.WriteHalfLittleEndian(target, (Half)Real(ref reader, inputName, type));
                break;
            case DataType.Bf16:
                BinaryPrimitives.WriteUInt16LittleEndian(target, BFloat16Bits.FromSingle((float)Real(ref reader, inputName, type)));
                break;
            case DataType.Fp32:
                BinaryPrimitives.WriteSingleLittleEndian(target, (float)Real(ref reader, inputName, type));
                break;
            case DataType.Fp64:
                BinaryPrimitives.WriteDoubleLittleEndian(target, Real(ref reader, inputName, type));
                break;
            default:
                throw new RequestFormatException($"input '{inputName}': datatype {type.WireName()} cannot be read from JSON numbers");
        }
    }

    private static long Integer(ref Utf8JsonReader reader, string inputName, DataType type, long min, long max)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw Unexpected(ref reader, inputName, type, "an integer");
        }

        if (!reader.TryGetInt64(out var value) || value < min || value > max)
        {
            throw new RequestFormatException($"input '{inputName}': {Text(ref reader)} is not a {type.WireName()} value (from {min} to {max})");
        }

        return value;
    }

    private static ulong Unsigned(ref Utf8JsonReader reader, string inputName, DataType type, ulong max)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw Unexpected(ref reader, inputName, type, "an unsigned integer");
        }

        if (!reader.TryGetUInt64(out var value) || value > max)
        {
            throw new RequestFormatException($"input '{inputName}': {Text(ref reader)} is not a {type.WireName()} value (from 0 to {max})");
        }

        return value;
    }

    /// <summary>A number, or the strings NaN, Infinity and -Infinity that JSON numbers cannot spell.</summary>
    private static double Real(ref Utf8JsonReader reader, string inputName, DataType type)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.ValueTextEquals("NaN"))
            {
                return double.NaN;
            }

            if (reader.ValueTextEquals("Infinity") || reader.ValueTextEquals("inf"))
            {
                return double.PositiveInfinity;
            }

            if (reader.ValueTextEquals("-Infinity") || reader.ValueTextEquals("-inf"))
            {
                return double.NegativeInfinity;
            }
        }

        throw Unexpected(ref reader, inputName, type, "a number");
    }

    private static RequestFormatException Unexpected(ref Utf8JsonReader reader, string inputName, DataType type, string expected) =>
        new($"input '{inputName}': {type.WireName()} data must hold {expected} for each element, not {Text(ref reader)}");

    /// <summary>The value at the reader's position as an error message quotes it.</summary>
    public static string Text(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => "\"" + reader.GetString() + "\"",
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        _ => reader.TokenType.ToString(),
    };
}

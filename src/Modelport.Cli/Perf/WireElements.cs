using System.Buffers.Binary;
using System.Text.Json;

namespace Modelport.Cli.Perf;

/// <summary>Tensor elements in the v2 wire layout: little-endian, BOOL one byte, BF16 the upper half of an FP32.</summary>
internal static class WireElements
{
    /// <summary>Bytes per element; 0 for BYTES, whose elements carry their own 4-byte length.</summary>
    public static int Size(string datatype) => datatype switch
    {
        "BOOL" or "UINT8" or "INT8" => 1,
        "UINT16" or "INT16" or "FP16" or "BF16" => 2,
        "UINT32" or "INT32" or "FP32" => 4,
        "UINT64" or "INT64" or "FP64" => 8,
        "BYTES" => 0,
        _ => throw new ArgumentException($"unknown datatype '{datatype}'", nameof(datatype)),
    };

    public static void Write(string datatype, JsonElement value, Span<byte> destination)
    {
        switch (datatype)
        {
            case "BOOL": destination[0] = value.ValueKind == JsonValueKind.True || (value.ValueKind == JsonValueKind.Number && value.GetDouble() != 0) ? (byte)1 : (byte)0; break;
            case "UINT8": destination[0] = value.GetByte(); break;
            case "INT8": destination[0] = (byte)value.GetSByte(); break;
            case "UINT16": BinaryPrimitives.WriteUInt16LittleEndian(destination, value.GetUInt16()); break;
            case "INT16": BinaryPrimitives.WriteInt16LittleEndian(destination, value.GetInt16()); break;
            case "UINT32": BinaryPrimitives.WriteUInt32LittleEndian(destination, value.GetUInt32()); break;
            case "INT32": BinaryPrimitives.WriteInt32LittleEndian(destination, value.GetInt32()); break;
            case "UINT64": BinaryPrimitives.WriteUInt64LittleEndian(destination, value.GetUInt64()); break;
            case "INT64": BinaryPrimitives.WriteInt64LittleEndian(destination, value.GetInt64()); break;
            default: Write(datatype, value.GetDouble(), destination); break;
        }
    }

    public static void Write(string datatype, double value, Span<byte> destination)
    {
        switch (datatype)
        {
            case "BOOL": destination[0] = value != 0 ? (byte)1 : (byte)0; break;
            case "UINT8": destination[0] = (byte)value; break;
            case "INT8": destination[0] = (byte)(sbyte)value; break;
            case "UINT16": BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)value); break;
            case "INT16": BinaryPrimitives.WriteInt16LittleEndian(destination, (short)value); break;
            case "UINT32": BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)value); break;
            case "INT32": BinaryPrimitives.WriteInt32LittleEndian(destination, (int)value); break;
            case "UINT64": BinaryPrimitives.WriteUInt64LittleEndian(destination, (ulong)value); break;
            case "INT64": BinaryPrimitives.WriteInt64LittleEndian(destination, (long)value); break;
            case "FP16": BinaryPrimitives.WriteHalfLittleEndian(destination, (Half)value); break;
            case "BF16": BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)(BitConverter.SingleToUInt32Bits((float)value) >> 16)); break;
            case "FP32": BinaryPrimitives.WriteSingleLittleEndian(destination, (float)value); break;
            case "FP64": BinaryPrimitives.WriteDoubleLittleEndian(destination, value); break;
            default: throw new ArgumentException($"'{datatype}' is not a numeric datatype", nameof(datatype));
        }
    }
}

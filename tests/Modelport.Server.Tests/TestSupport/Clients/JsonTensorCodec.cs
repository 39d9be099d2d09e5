using System.Buffers.Binary;
using System.Text.Json.Nodes;
using Modelport.Core.Tensors;

namespace Modelport.Server.Tests.TestSupport.Clients;

/// <summary>A tensor's bytes to and from the flat JSON <c>data</c> array of the v2 REST protocol.</summary>
internal static class JsonTensorCodec
{
    public static JsonArray ToJson(Tensor tensor)
    {
        if (tensor.Datatype == "BYTES")
        {
            return [.. tensor.AsStrings().Select(value => (JsonNode)JsonValue.Create(value))];
        }

        var size = ElementSize(tensor.Datatype);
        return [.. tensor.Data.Chunk(size).Select(element => Element(tensor.Datatype, element))];
    }

    public static byte[] FromJson(string datatype, JsonArray data)
    {
        if (datatype == "BYTES")
        {
            return BytesElements.FromStrings(data.Select(node => node!.GetValue<string>()));
        }

        var size = ElementSize(datatype);
        var bytes = new byte[data.Count * size];
        for (var index = 0; index < data.Count; index++)
        {
            Write(datatype, data[index]!, bytes.AsSpan(index * size, size));
        }

        return bytes;
    }

    private static int ElementSize(string datatype) =>
        DataTypes.TryParseWireName(datatype, out var type) ? type.ElementSize() : throw new ArgumentException($"unknown datatype {datatype}");

    private static JsonNode Element(string datatype, byte[] element) => datatype switch
    {
        "BOOL" => JsonValue.Create(element[0] != 0),
        "UINT8" => JsonValue.Create(element[0]),
        "UINT16" => JsonValue.Create(BinaryPrimitives.ReadUInt16LittleEndian(element)),
        "UINT32" => JsonValue.Create(BinaryPrimitives.ReadUInt32LittleEndian(element)),
        "UINT64" => JsonValue.Create(BinaryPrimitives.ReadUInt64LittleEndian(element)),
        "INT8" => JsonValue.Create((sbyte)element[0]),
        "INT16" => JsonValue.Create(BinaryPrimitives.ReadInt16LittleEndian(element)),
        "INT32" => JsonValue.Create(BinaryPrimitives.ReadInt32LittleEndian(element)),
        "INT64" => JsonValue.Create(BinaryPrimitives.ReadInt64LittleEndian(element)),
        "FP16" => JsonValue.Create((double)BinaryPrimitives.ReadHalfLittleEndian(element)),
        "BF16" => JsonValue.Create(BitConverter.UInt32BitsToSingle((uint)BinaryPrimitives.ReadUInt16LittleEndian(element) << 16)),
        "FP32" => JsonValue.Create(BinaryPrimitives.ReadSingleLittleEndian(element)),
        "FP64" => JsonValue.Create(BinaryPrimitives.ReadDoubleLittleEndian(element)),
        _ => throw new ArgumentException($"unknown datatype {datatype}"),
    };

    private static void Write(string datatype, JsonNode value, Span<byte> target)
    {
        switch (datatype)
        {
            case "BOOL": target[0] = value.GetValue<bool>() ? (byte)1 : (byte)0; break;
            case "UINT8": target[0] = value.GetValue<byte>(); break;
            case "UINT16": BinaryPrimitives.WriteUInt16LittleEndian(target, value.GetValue<ushort>()); break;
            case "UINT32": BinaryPrimitives.WriteUInt32LittleEndian(target, value.GetValue<uint>()); break;
            case "UINT64": BinaryPrimitives.WriteUInt64LittleEndian(target, value.GetValue<ulong>()); break;
            case "INT8": target[0] = (byte)value.GetValue<sbyte>(); break;
            case "INT16": BinaryPrimitives.WriteInt16LittleEndian(target, value.GetValue<short>()); break;
            case "INT32": BinaryPrimitives.WriteInt32LittleEndian(target, value.GetValue<int>()); break;
            case "INT64": BinaryPrimitives.WriteInt64LittleEndian(target, value.GetValue<long>()); break;
            case "FP16": BinaryPrimitives.WriteHalfLittleEndian(target, (Half)value.GetValue<double>()); break;
            case "BF16": BinaryPrimitives.WriteUInt16LittleEndian(target, (ushort)(BitConverter.SingleToUInt32Bits(value.GetValue<float>()) >> 16)); break;
            case "FP32": BinaryPrimitives.WriteSingleLittleEndian(target, value.GetValue<float>()); break;
            case "FP64": BinaryPrimitives.WriteDoubleLittleEndian(target, value.GetValue<double>()); break;
            default: throw new ArgumentException($"unknown datatype {datatype}");
        }
    }
}

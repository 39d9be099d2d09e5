using Modelport.Core.Tensors;
using ConfigDataType = Modelport.Core.Configuration.DataType;

namespace Modelport.Core.Models;

/// <summary>Maps the config's <c>TYPE_*</c> enum to tensor data types and back.</summary>
public static class ConfigDataTypes
{
    public static DataType? ToTensorType(ConfigDataType type) => type switch
    {
        ConfigDataType.TypeBool => DataType.Bool,
        ConfigDataType.TypeUint8 => DataType.UInt8,
        ConfigDataType.TypeUint16 => DataType.UInt16,
        ConfigDataType.TypeUint32 => DataType.UInt32,
        ConfigDataType.TypeUint64 => DataType.UInt64,
        ConfigDataType.TypeInt8 => DataType.Int8,
        ConfigDataType.TypeInt16 => DataType.Int16,
        ConfigDataType.TypeInt32 => DataType.Int32,
        ConfigDataType.TypeInt64 => DataType.Int64,
        ConfigDataType.TypeFp16 => DataType.Fp16,
        ConfigDataType.TypeBf16 => DataType.Bf16,
        ConfigDataType.TypeFp32 => DataType.Fp32,
        ConfigDataType.TypeFp64 => DataType.Fp64,
        ConfigDataType.TypeString => DataType.Bytes,
        _ => null,
    };

    public static ConfigDataType ToConfigType(DataType type) => type switch
    {
        DataType.Bool => ConfigDataType.TypeBool,
        DataType.UInt8 => ConfigDataType.TypeUint8,
        DataType.UInt16 => ConfigDataType.TypeUint16,
        DataType.UInt32 => ConfigDataType.TypeUint32,
        DataType.UInt64 => ConfigDataType.TypeUint64,
        DataType.Int8 => ConfigDataType.TypeInt8,
        DataType.Int16 => ConfigDataType.TypeInt16,
        DataType.Int32 => ConfigDataType.TypeInt32,
        DataType.Int64 => ConfigDataType.TypeInt64,
        DataType.Fp16 => ConfigDataType.TypeFp16,
        DataType.Bf16 => ConfigDataType.TypeBf16,
        DataType.Fp32 => ConfigDataType.TypeFp32,
        DataType.Fp64 => ConfigDataType.TypeFp64,
        DataType.Bytes => ConfigDataType.TypeString,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown data type"),
    };
}

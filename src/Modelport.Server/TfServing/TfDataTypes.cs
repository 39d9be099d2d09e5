using Modelport.Core.Tensors;

namespace Modelport.Server.TfServing;

/// <summary>TensorFlow's <c>DataType</c> enum names, as TF Serving's metadata shows each tensor's <c>dtype</c>.</summary>
internal static class TfDataTypes
{
    public static string Name(DataType type) => type switch
    {
        DataType.Bool => "DT_BOOL",
        DataType.UInt8 => "DT_UINT8",
        DataType.UInt16 => "DT_UINT16",
        DataType.UInt32 => "DT_UINT32",
        DataType.UInt64 => "DT_UINT64",
        DataType.Int8 => "DT_INT8",
        DataType.Int16 => "DT_INT16",
        DataType.Int32 => "DT_INT32",
        DataType.Int64 => "DT_INT64",
        DataType.Fp16 => "DT_HALF",
        DataType.Bf16 => "DT_BFLOAT16",
        DataType.Fp32 => "DT_FLOAT",
        DataType.Fp64 => "DT_DOUBLE",
        DataType.Bytes => "DT_STRING",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown data type"),
    };
}

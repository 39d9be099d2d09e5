using System.Reflection;
using Google.Protobuf.Reflection;
using Microsoft.ML.OnnxRuntime.Tensors;
using ConfigDataType = Modelport.Core.Configuration.DataType;
using DataType = Modelport.Core.Tensors.DataType;

namespace Modelport.Backends.OnnxRuntime;

/// <summary>The element types ONNX Runtime and the v2 protocol share; ONNX strings carry BYTES.</summary>
internal static class ElementTypes
{
    private static readonly (TensorElementType Onnx, DataType Type, ConfigDataType Config)[] Table =
    [
        (TensorElementType.Bool, DataType.Bool, ConfigDataType.TypeBool),
        (TensorElementType.UInt8, DataType.UInt8, ConfigDataType.TypeUint8),
        (TensorElementType.UInt16, DataType.UInt16, ConfigDataType.TypeUint16),
        (TensorElementType.UInt32, DataType.UInt32, ConfigDataType.TypeUint32),
        (TensorElementType.UInt64, DataType.UInt64, ConfigDataType.TypeUint64),
        (TensorElementType.Int8, DataType.Int8, ConfigDataType.TypeInt8),
        (TensorElementType.Int16, DataType.Int16, ConfigDataType.TypeInt16),
        (TensorElementType.Int32, DataType.Int32, ConfigDataType.TypeInt32),
        (TensorElementType.Int64, DataType.Int64, ConfigDataType.TypeInt64),
        (TensorElementType.Float16, DataType.Fp16, ConfigDataType.TypeFp16),
        (TensorElementType.BFloat16, DataType.Bf16, ConfigDataType.TypeBf16),
        (TensorElementType.Float, DataType.Fp32, ConfigDataType.TypeFp32),
        (TensorElementType.Double, DataType.Fp64, ConfigDataType.TypeFp64),
        (TensorElementType.String, DataType.Bytes, ConfigDataType.TypeString),
    ];

    public static bool TryFromOnnx(TensorElementType onnx, out DataType type)
    {
        foreach (var entry in Table)
        {
            if (entry.Onnx == onnx)
            {
                type = entry.Type;
                return true;
            }
        }

        type = default;
        return false;
    }

    public static TensorElementType ToOnnx(this DataType type) => Find(type).Onnx;

    public static ConfigDataType ToConfig(this DataType type) => Find(type).Config;

    /// <summary>The name a config file uses, such as <c>TYPE_FP32</c>, also for types the protocol lacks (<c>TYPE_INVALID</c>).</summary>
    public static string ConfigName(ConfigDataType type) =>
        typeof(ConfigDataType).GetField(type.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? type.ToString();

    private static (TensorElementType Onnx, DataType Type, ConfigDataType Config) Find(DataType type)
    {
        foreach (var entry in Table)
        {
            if (entry.Type == type)
            {
                return entry;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(type), type, "Not a v2 data type.");
    }
}

namespace Modelport.Core.Tensors;

/// <summary>Names and sizes of <see cref="DataType"/> on the wire ("FP32") and in model configs ("TYPE_FP32").</summary>
public static class DataTypes
{
    private static readonly (DataType Type, string WireName, string ConfigName, int ElementSize)[] Table =
    [
        (DataType.Bool, "BOOL", "TYPE_BOOL", 1),
        (DataType.UInt8, "UINT8", "TYPE_UINT8", 1),
        (DataType.UInt16, "UINT16", "TYPE_UINT16", 2),
        (DataType.UInt32, "UINT32", "TYPE_UINT32", 4),
        (DataType.UInt64, "UINT64", "TYPE_UINT64", 8),
        (DataType.Int8, "INT8", "TYPE_INT8", 1),
        (DataType.Int16, "INT16", "TYPE_INT16", 2),
        (DataType.Int32, "INT32", "TYPE_INT32", 4),
        (DataType.Int64, "INT64", "TYPE_INT64", 8),
        (DataType.Fp16, "FP16", "TYPE_FP16", 2),
        (DataType.Bf16, "BF16", "TYPE_BF16", 2),
        (DataType.Fp32, "FP32", "TYPE_FP32", 4),
        (DataType.Fp64, "FP64", "TYPE_FP64", 8),
        // Triton calls the BYTES type TYPE_STRING in model configs.
        (DataType.Bytes, "BYTES", "TYPE_STRING", 0),
    ];

    public static string WireName(this DataType type) => Table[(int)type].WireName;

    public static string ConfigName(this DataType type) => Table[(int)type].ConfigName;

    /// <summary>Bytes per element; 0 for <see cref="DataType.Bytes"/>, whose elements vary in size.</summary>
    public static int ElementSize(this DataType type) => Table[(int)type].ElementSize;

    public static bool TryParseWireName(string? name, out DataType type)
    {
        foreach (var entry in Table)
        {
            if (string.Equals(entry.WireName, name, StringComparison.Ordinal))
            {
                type = entry.Type;
                return true;
            }
        }

        type = default;
        return false;
    }

    public static string AllWireNames => string.Join(", ", Table.Select(entry => entry.WireName));
}

namespace Modelport.Client.Tensors;

/// <summary>Which .NET element type stands for which v2 datatype, and how many bytes an element takes.</summary>
internal static class ElementTypes
{
    public static TensorDataType DataTypeOf<T>()
        where T : unmanaged
    {
        // Each branch is a constant per T, so the JIT keeps only the one that applies.
        if (typeof(T) == typeof(bool)) return TensorDataType.Bool;
        if (typeof(T) == typeof(byte)) return TensorDataType.UInt8;
        if (typeof(T) == typeof(ushort)) return TensorDataType.UInt16;
        if (typeof(T) == typeof(uint)) return TensorDataType.UInt32;
        if (typeof(T) == typeof(ulong)) return TensorDataType.UInt64;
        if (typeof(T) == typeof(sbyte)) return TensorDataType.Int8;
        if (typeof(T) == typeof(short)) return TensorDataType.Int16;
        if (typeof(T) == typeof(int)) return TensorDataType.Int32;
        if (typeof(T) == typeof(long)) return TensorDataType.Int64;
        if (typeof(T) == typeof(Half)) return TensorDataType.Fp16;
        if (typeof(T) == typeof(float)) return TensorDataType.Fp32;
        if (typeof(T) == typeof(double)) return TensorDataType.Fp64;
        throw new NotSupportedException(
            $"{typeof(T).Name} is not a v2 tensor element type; use bool, byte, sbyte, short, ushort, int, uint, long, ulong, Half, float or double, "
            + "or the raw-data members for BF16");
    }

    /// <summary>Bytes per element, or 0 for BYTES and for datatypes this client does not know.</summary>
    public static int ElementSize(TensorDataType datatype) => datatype.Name switch
    {
        "BOOL" or "UINT8" or "INT8" => 1,
        "UINT16" or "INT16" or "FP16" or "BF16" => 2,
        "UINT32" or "INT32" or "FP32" => 4,
        "UINT64" or "INT64" or "FP64" => 8,
        _ => 0,
    };
}

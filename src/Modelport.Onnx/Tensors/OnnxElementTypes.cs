using Modelport.Onnx.Proto;
using DataType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Onnx;

internal static class OnnxElementTypes
{
    /// <summary>Bits per element in raw form; 0 for STRING and for types this build does not know.</summary>
    public static int BitsPerElement(DataType type) => type switch
    {
        DataType.Uint2 or DataType.Int2 => 2,
        DataType.Uint4 or DataType.Int4 or DataType.Float4E2M1 => 4,
        DataType.Uint8 or DataType.Int8 or DataType.Bool
            or DataType.Float8E4M3Fn or DataType.Float8E4M3Fnuz
            or DataType.Float8E5M2 or DataType.Float8E5M2Fnuz or DataType.Float8E8M0 => 8,
        DataType.Uint16 or DataType.Int16 or DataType.Float16 or DataType.Bfloat16 => 16,
        DataType.Float or DataType.Int32 or DataType.Uint32 => 32,
        DataType.Double or DataType.Int64 or DataType.Uint64 or DataType.Complex64 => 64,
        DataType.Complex128 => 128,
        _ => 0,
    };

    /// <summary>Raw size of a fixed-width tensor; sub-byte types are packed, so the last byte may be partly used.</summary>
    public static long RawByteCount(DataType type, long elementCount) =>
        checked((elementCount * BitsPerElement(type) + 7) / 8);

    /// <summary>The element count of a shape; an empty shape is a scalar, which holds one element.</summary>
    public static long ElementCount(ReadOnlySpan<long> dims)
    {
        long count = 1;
        foreach (long dim in dims)
        {
            if (dim < 0)
            {
                return -1;
            }

            count = checked(count * dim);
        }

        return count;
    }

    public static string Name(int dataType) =>
        Enum.IsDefined((DataType)dataType) ? ((DataType)dataType).ToString().ToUpperInvariant() : dataType.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Describe(TensorProto tensor) =>
        tensor.Name.Length > 0 ? $"tensor '{tensor.Name}'" : "an unnamed tensor";
}

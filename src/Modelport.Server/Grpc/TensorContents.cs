using Modelport.Core.Tensors;
using Modelport.Protocol.Grpc;
using DataType = Modelport.Core.Tensors.DataType;

namespace Modelport.Server.Grpc;

/// <summary>
/// Typed tensor contents (<c>InferTensorContents</c>) to and from the core's little-endian bytes. Each datatype has one
/// field: INT8 and INT16 share int_contents with INT32, UINT8 and UINT16 share uint_contents with UINT32, and FP16 and
/// BF16 have none (they travel only as raw contents).
/// </summary>
internal static partial class TensorContents
{
    public static bool HasField(DataType type) => FieldOf(type) is not null;

    private static string? FieldOf(DataType type) => type switch
    {
        DataType.Bool => "bool_contents",
        DataType.Int8 or DataType.Int16 or DataType.Int32 => "int_contents",
        DataType.Int64 => "int64_contents",
        DataType.UInt8 or DataType.UInt16 or DataType.UInt32 => "uint_contents",
        DataType.UInt64 => "uint64_contents",
        DataType.Fp32 => "fp32_contents",
        DataType.Fp64 => "fp64_contents",
        DataType.Bytes => "bytes_contents",
        _ => null,
    };

    private static IEnumerable<(string Field, int Count)> FilledFields(InferTensorContents contents)
    {
        (string, int)[] fields =
        [
            ("bool_contents", contents.BoolContents.Count),
            ("int_contents", contents.IntContents.Count),
            ("int64_contents", contents.Int64Contents.Count),
            ("uint_contents", contents.UintContents.Count),
            ("uint64_contents", contents.Uint64Contents.Count),
            ("fp32_contents", contents.Fp32Contents.Count),
            ("fp64_contents", contents.Fp64Contents.Count),
            ("bytes_contents", contents.BytesContents.Count),
        ];
        return fields.Where(field => field.Item2 > 0);
    }
}

using OnnxType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Server.Tests.Conformance;

/// <summary>The v2 protocol's datatype for each ONNX element type it carries; written out here so the server's own table is checked, not reused.</summary>
internal static class V2DataTypes
{
    private static readonly Dictionary<OnnxType, string> Names = new()
    {
        [OnnxType.Bool] = "BOOL",
        [OnnxType.Uint8] = "UINT8",
        [OnnxType.Uint16] = "UINT16",
        [OnnxType.Uint32] = "UINT32",
        [OnnxType.Uint64] = "UINT64",
        [OnnxType.Int8] = "INT8",
        [OnnxType.Int16] = "INT16",
        [OnnxType.Int32] = "INT32",
        [OnnxType.Int64] = "INT64",
        [OnnxType.Float16] = "FP16",
        [OnnxType.Bfloat16] = "BF16",
        [OnnxType.Float] = "FP32",
        [OnnxType.Double] = "FP64",
        [OnnxType.String] = "BYTES",
    };

    public static string? NameOf(OnnxType type) => Names.GetValueOrDefault(type);

    public static OnnxType? FromName(string name) =>
        Names.Where(entry => entry.Value == name).Select(entry => (OnnxType?)entry.Key).FirstOrDefault();
}

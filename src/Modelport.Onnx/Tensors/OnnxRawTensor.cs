using DataType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Onnx;

/// <summary>
/// A tensor's elements in the KServe v2 binary layout: fixed-width numbers little-endian and
/// row-major, BOOL one byte each, FLOAT16/BFLOAT16 two bytes each, and each STRING element as
/// a 4-byte little-endian length followed by its bytes. Sub-byte ONNX types (INT4, UINT2, ...)
/// stay packed as ONNX stores them, first element in the low bits.
/// </summary>
public sealed record OnnxRawTensor(DataType ElementType, IReadOnlyList<long> Dims, ReadOnlyMemory<byte> Data);

namespace Modelport.Core.Tensors;

/// <summary>Element types of the KServe v2 protocol; <see cref="Bytes"/> elements are variable-length byte strings.</summary>
public enum DataType
{
    Bool,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    Int8,
    Int16,
    Int32,
    Int64,
    Fp16,
    Bf16,
    Fp32,
    Fp64,
    Bytes,
}

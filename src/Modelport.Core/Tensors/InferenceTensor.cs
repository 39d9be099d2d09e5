namespace Modelport.Core.Tensors;

/// <summary>
/// A named tensor: little-endian, row-major element bytes without padding (BOOL one byte per element;
/// BYTES in the <see cref="BytesElements"/> layout). The data is borrowed: whoever built the tensor owns its memory.
/// </summary>
public sealed record InferenceTensor(string Name, DataType DataType, long[] Shape, ReadOnlyMemory<byte> Data);

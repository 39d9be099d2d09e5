using System.Runtime.InteropServices;
using Modelport.Core.Tensors;

namespace Modelport.Core.Tests.TestSupport;

internal static class TensorData
{
    public static InferenceTensor Int32(string name, long[] shape, params int[] values) =>
        new(name, DataType.Int32, shape, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    public static int[] Int32s(InferenceTensor tensor) => MemoryMarshal.Cast<byte, int>(tensor.Data.Span).ToArray();
}

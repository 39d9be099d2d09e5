using System.Buffers.Binary;
using Modelport.Core.Tensors;

namespace Modelport.Server.Tests.TestSupport.Clients;

/// <summary>A tensor as both transports carry it: v2 datatype, shape and little-endian bytes (BYTES length-prefixed).</summary>
internal sealed record Tensor(string Name, string Datatype, long[] Shape, byte[] Data)
{
    /// <summary>For an output the server wrote to shared memory: where it says it wrote it. Its <see cref="Data"/> is then empty.</summary>
    public SharedMemoryPlace? SharedMemory { get; init; }

    public static Tensor Int32(string name, long[] shape, params int[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (var index = 0; index < values.Length; index++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(index * 4), values[index]);
        }

        return new(name, "INT32", shape, bytes);
    }

    public static Tensor Fp32(string name, long[] shape, params float[] values)
    {
        var bytes = new byte[values.Length * 4];
        for (var index = 0; index < values.Length; index++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(index * 4), values[index]);
        }

        return new(name, "FP32", shape, bytes);
    }

    public static Tensor Strings(string name, long[] shape, params string[] values) => new(name, "BYTES", shape, BytesElements.FromStrings(values));

    public int[] AsInt32s() => [.. Enumerable.Range(0, Data.Length / 4).Select(index => BinaryPrimitives.ReadInt32LittleEndian(Data.AsSpan(index * 4)))];

    public float[] AsFp32s() => [.. Enumerable.Range(0, Data.Length / 4).Select(index => BinaryPrimitives.ReadSingleLittleEndian(Data.AsSpan(index * 4)))];

    public string[] AsStrings()
    {
        var strings = new List<string>();
        foreach (var element in BytesElements.Enumerate(Data))
        {
            strings.Add(System.Text.Encoding.UTF8.GetString(element.Span));
        }

        return [.. strings];
    }
}

using System.Runtime.InteropServices;
using System.Text;
using Modelport.Client.Tensors;

namespace Modelport.Client;

/// <summary>One output tensor of an inference result.</summary>
public sealed class InferOutput
{
    private readonly long[] _shape;
    private readonly string? _sharedMemoryRegion;

    internal InferOutput(string name, TensorDataType datatype, long[] shape, ReadOnlyMemory<byte> rawData, string? sharedMemoryRegion = null)
    {
        Name = name;
        Datatype = datatype;
        _shape = shape;
        RawData = rawData;
        _sharedMemoryRegion = sharedMemoryRegion;
    }

    /// <summary>The output's name.</summary>
    public string Name { get; }

    /// <summary>The v2 datatype.</summary>
    public TensorDataType Datatype { get; }

    /// <summary>The shape, row-major.</summary>
    public IReadOnlyList<long> Shape => _shape;

    /// <summary>
    /// The data in wire form: little-endian, row-major elements (BF16 as the upper 16 bits of each float), or for
    /// BYTES each element as a 4-byte little-endian length followed by its bytes. Empty for an output the server wrote to
    /// shared memory (<see cref="InferRequestedOutput.ToSharedMemory"/>): read that from the region.
    /// </summary>
    public ReadOnlyMemory<byte> RawData { get; }

    /// <summary>The elements, read in place.</summary>
    /// <typeparam name="T">The element type of <see cref="Datatype"/>: int for INT32, Half for FP16, ...</typeparam>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is not the element type of <see cref="Datatype"/>, or the output was written to shared memory.</exception>
    public ReadOnlySpan<T> AsSpan<T>()
        where T : unmanaged
    {
        ThrowIfInSharedMemory();
        var requested = ElementTypes.DataTypeOf<T>();
        if (requested != Datatype)
        {
            throw new InvalidOperationException(
                $"output '{Name}' is {Datatype}; {typeof(T).Name} reads {requested}" + (Datatype == TensorDataType.Bytes ? ": use GetStrings or GetBytes" : string.Empty));
        }

        return MemoryMarshal.Cast<byte, T>(RawData.Span);
    }

    /// <summary>A copy of the elements.</summary>
    /// <inheritdoc cref="AsSpan{T}" path="/typeparam"/>
    /// <inheritdoc cref="AsSpan{T}" path="/exception"/>
    public T[] ToArray<T>()
        where T : unmanaged => AsSpan<T>().ToArray();

    /// <summary>The elements of a BYTES output, decoded as UTF-8.</summary>
    /// <exception cref="InvalidOperationException">The output is not BYTES, or was written to shared memory.</exception>
    public string[] GetStrings() => [.. SplitBytes().Select(element => Encoding.UTF8.GetString(element.Span))];

    /// <summary>The elements of a BYTES output.</summary>
    /// <exception cref="InvalidOperationException">The output is not BYTES, or was written to shared memory.</exception>
    public byte[][] GetBytes() => [.. SplitBytes().Select(element => element.ToArray())];

    private List<ReadOnlyMemory<byte>> SplitBytes()
    {
        ThrowIfInSharedMemory();
        if (Datatype != TensorDataType.Bytes)
        {
            throw new InvalidOperationException($"output '{Name}' is {Datatype}, not BYTES: use AsSpan or ToArray");
        }

        return BytesElements.Split(RawData) ?? throw new InvalidOperationException($"output '{Name}': the BYTES data's length prefixes do not add up");
    }

    private void ThrowIfInSharedMemory()
    {
        if (_sharedMemoryRegion is not null)
        {
            throw new InvalidOperationException($"output '{Name}' was written to shared memory region '{_sharedMemoryRegion}': read it from the region");
        }
    }
}

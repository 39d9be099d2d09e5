using Modelport.Client.SharedMemory;
using Modelport.Client.Tensors;

namespace Modelport.Client;

/// <summary>
/// One input tensor of an inference request: name, datatype, shape and data. The data is not copied; keep the
/// buffer unchanged until the request completes.
/// </summary>
public sealed class InferInput
{
    private readonly long[] _shape;

    /// <summary>An input taken as it is, unchecked: the factories below validate, <c>modelport perf</c> passes its own data.</summary>
    internal InferInput(string name, TensorDataType datatype, long[] shape, ReadOnlyMemory<byte> data, SharedMemoryPlace? sharedMemory = null)
    {
        Name = name;
        Datatype = datatype;
        _shape = shape;
        Data = data;
        SharedMemory = sharedMemory;
    }

    /// <summary>The input's name, as the model declares it.</summary>
    public string Name { get; }

    /// <summary>The v2 datatype.</summary>
    public TensorDataType Datatype { get; }

    /// <summary>The shape, row-major.</summary>
    public IReadOnlyList<long> Shape => _shape;

    /// <summary>Little-endian, row-major element bytes; for BYTES, each element is a 4-byte length and its bytes.</summary>
    internal ReadOnlyMemory<byte> Data { get; }

    /// <summary>Where the data lies in a registered region instead, or null.</summary>
    internal SharedMemoryPlace? SharedMemory { get; }

    /// <summary>An input over typed elements; the datatype follows from <typeparamref name="T"/> (int → INT32, Half → FP16, ...).</summary>
    /// <typeparam name="T">bool, byte, sbyte, short, ushort, int, uint, long, ulong, Half, float or double.</typeparam>
    /// <param name="name">The input's name.</param>
    /// <param name="data">The elements, row-major.</param>
    /// <param name="shape">The shape; its element count must equal the length of <paramref name="data"/>.</param>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> has no v2 datatype.</exception>
    /// <exception cref="ArgumentException">The shape does not match the data.</exception>
    public static InferInput Create<T>(string name, ReadOnlyMemory<T> data, params ReadOnlySpan<long> shape)
        where T : unmanaged
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var datatype = ElementTypes.DataTypeOf<T>();
        var validShape = ValidateCount(name, shape, data.Length);
        ThrowIfBigEndian();
        ReadOnlyMemory<byte> bytes = typeof(T) == typeof(byte) ? (ReadOnlyMemory<byte>)(object)data : new CastMemoryManager<T>(data).Memory;
        return new InferInput(name, datatype, validShape, bytes);
    }

    /// <inheritdoc cref="Create{T}(string, ReadOnlyMemory{T}, ReadOnlySpan{long})"/>
    public static InferInput Create<T>(string name, T[] data, params ReadOnlySpan<long> shape)
        where T : unmanaged => Create(name, new ReadOnlyMemory<T>(data), shape);

    /// <inheritdoc cref="Create{T}(string, ReadOnlyMemory{T}, ReadOnlySpan{long})"/>
    public static InferInput Create<T>(string name, Memory<T> data, params ReadOnlySpan<long> shape)
        where T : unmanaged => Create(name, (ReadOnlyMemory<T>)data, shape);

    /// <summary>A BYTES input holding each string as UTF-8.</summary>
    /// <param name="name">The input's name.</param>
    /// <param name="values">The strings, row-major.</param>
    /// <param name="shape">The shape; its element count must equal the number of strings.</param>
    public static InferInput FromStrings(string name, IEnumerable<string> values, params ReadOnlySpan<long> shape)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(values);
        var list = values as IReadOnlyCollection<string> ?? [.. values];
        return new InferInput(name, TensorDataType.Bytes, ValidateCount(name, shape, list.Count), BytesElements.FromStrings(list));
    }

    /// <summary>A BYTES input with one element per byte array.</summary>
    /// <param name="name">The input's name.</param>
    /// <param name="elements">The elements, row-major.</param>
    /// <param name="shape">The shape; its element count must equal the number of elements.</param>
    public static InferInput FromBytes(string name, IEnumerable<byte[]> elements, params ReadOnlySpan<long> shape)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(elements);
        var list = elements as IReadOnlyCollection<byte[]> ?? [.. elements];
        return new InferInput(name, TensorDataType.Bytes, ValidateCount(name, shape, list.Count), BytesElements.Join(list));
    }

    /// <summary>
    /// An input over data already in wire form: little-endian, row-major elements (BF16 as the upper 16 bits of each
    /// float), or for BYTES each element as a 4-byte little-endian length followed by its bytes.
    /// </summary>
    /// <param name="name">The input's name.</param>
    /// <param name="datatype">The v2 datatype.</param>
    /// <param name="data">The serialized elements.</param>
    /// <param name="shape">The shape; the data must hold exactly its element count.</param>
    public static InferInput FromRawData(string name, TensorDataType datatype, ReadOnlyMemory<byte> data, params ReadOnlySpan<long> shape)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(datatype.Name, nameof(datatype));
        var validShape = TensorShape.Validate(name, shape);
        var count = TensorShape.ElementCount(validShape);
        if (datatype == TensorDataType.Bytes)
        {
            var elements = BytesElements.Split(data)
                ?? throw new ArgumentException($"input '{name}': the BYTES data's length prefixes do not add up to its {data.Length} bytes", nameof(data));
            if (elements.Count != count)
            {
                throw new ArgumentException($"input '{name}' has shape {TensorShape.Format(shape)} ({count} elements), but its data holds {elements.Count}", nameof(data));
            }
        }
        else if (ElementTypes.ElementSize(datatype) is var size and > 0 && data.Length != count * size)
        {
            throw new ArgumentException(
                $"input '{name}' is {datatype} with shape {TensorShape.Format(shape)}, which takes {count * size} bytes, but its data has {data.Length}", nameof(data));
        }

        return new InferInput(name, datatype, validShape, data);
    }

    /// <summary>
    /// An input whose data the server reads from a registered system shared memory region instead of the request (Triton's
    /// shared memory extension); see <see cref="SystemSharedMemoryRegion"/>. The data is in wire form, as for
    /// <see cref="FromRawData"/>.
    /// </summary>
    /// <param name="name">The input's name.</param>
    /// <param name="datatype">The v2 datatype.</param>
    /// <param name="shape">The shape.</param>
    /// <param name="region">The name the region was registered with.</param>
    /// <param name="offset">Where the data starts, in bytes from the start of the registered region.</param>
    /// <param name="byteSize">The data's size in bytes; for a fixed-size datatype, exactly what the shape takes.</param>
    public static InferInput FromSharedMemory(string name, TensorDataType datatype, ReadOnlySpan<long> shape, string region, long offset, long byteSize)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(datatype.Name, nameof(datatype));
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(byteSize);
        var validShape = TensorShape.Validate(name, shape);
        var size = ElementTypes.ElementSize(datatype);
        if (size > 0 && byteSize != TensorShape.ElementCount(validShape) * size)
        {
            throw new ArgumentException(
                $"input '{name}' is {datatype} with shape {TensorShape.Format(shape)}, which takes {TensorShape.ElementCount(validShape) * size} bytes, not {byteSize}", nameof(byteSize));
        }

        return new InferInput(name, datatype, validShape, ReadOnlyMemory<byte>.Empty, new SharedMemoryPlace(region, offset, byteSize));
    }

    private static long[] ValidateCount(string name, ReadOnlySpan<long> shape, long count)
    {
        var validShape = TensorShape.Validate(name, shape);
        var expected = TensorShape.ElementCount(validShape);
        return expected == count
            ? validShape
            : throw new ArgumentException($"input '{name}' has shape {TensorShape.Format(shape)} ({expected} elements), but {count} values", nameof(shape));
    }

    private static void ThrowIfBigEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("typed tensors are sent as they lie in memory, which the v2 protocol requires to be little-endian");
        }
    }
}

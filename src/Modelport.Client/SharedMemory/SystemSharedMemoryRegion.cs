using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace Modelport.Client;

/// <summary>
/// A POSIX shared memory object (a file in /dev/shm) mapped into this process, through which a server on the same host
/// reads inputs and writes outputs instead of receiving and sending them. Write the inputs, register the region with the
/// server (<see cref="IInferenceClient.RegisterSystemSharedMemoryAsync"/>), refer to it with
/// <see cref="InferInput.FromSharedMemory"/> and <see cref="InferRequestedOutput.ToSharedMemory"/>, and read the outputs
/// back. Linux only. Offsets here count from the start of the object.
/// </summary>
public sealed unsafe class SystemSharedMemoryRegion : IDisposable
{
    private const string Directory = "/dev/shm";
    private const string LinuxOnly = "system shared memory regions are files in /dev/shm, which only Linux has";

    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _pointer;
    private readonly string? _createdPath;
    private int _disposed;

    private SystemSharedMemoryRegion(string key, FileStream stream, long byteSize, bool created)
    {
        Key = key;
        ByteSize = byteSize;
        _file = MemoryMappedFile.CreateFromFile(stream, null, byteSize, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false);
        _view = _file.CreateViewAccessor(0, byteSize, MemoryMappedFileAccess.ReadWrite);
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _pointer = pointer + _view.PointerOffset;
        _createdPath = created ? stream.Name : null;
    }

    /// <summary>The key to register the region with, such as <c>/input_data</c>.</summary>
    public string Key { get; }

    /// <summary>The size of the object in bytes.</summary>
    public long ByteSize { get; }

    /// <summary>Creates a shared memory object, readable and writable by this user only (as Triton's clients create them); disposing the region removes it.</summary>
    /// <param name="key">The object's key: a name, optionally with a leading '/', such as <c>/input_data</c>.</param>
    /// <param name="byteSize">Its size in bytes, zero-filled.</param>
    /// <exception cref="IOException">An object with this key exists already.</exception>
    public static SystemSharedMemoryRegion Create(string key, long byteSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(byteSize);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException(LinuxOnly);
        }

        var path = PathOf(key);
        var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.ReadWrite,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        try
        {
            stream.SetLength(byteSize);
            return new SystemSharedMemoryRegion("/" + Path.GetFileName(path), stream, byteSize, created: true);
        }
        catch
        {
            stream.Dispose();
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Opens an existing shared memory object at its whole size; disposing the region leaves the object in place.</summary>
    /// <param name="key">The object's key, such as <c>/input_data</c>.</param>
    /// <exception cref="FileNotFoundException">There is no object with this key.</exception>
    public static SystemSharedMemoryRegion Open(string key)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException(LinuxOnly);
        }

        var path = PathOf(key);
        var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        try
        {
            return new SystemSharedMemoryRegion("/" + Path.GetFileName(path), stream, stream.Length, created: false);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Copies elements into the object, in the little-endian layout a tensor of their datatype has on the wire.</summary>
    /// <typeparam name="T">An element type of <see cref="InferInput.Create{T}(string, T[], ReadOnlySpan{long})"/>, or byte for data already in wire form.</typeparam>
    /// <param name="offset">Where the first element goes, in bytes from the start of the object.</param>
    /// <param name="values">The elements.</param>
    /// <exception cref="ArgumentOutOfRangeException">The elements do not fit between <paramref name="offset"/> and the end.</exception>
    public void Write<T>(long offset, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values);
        bytes.CopyTo(Bytes(offset, bytes.Length));
    }

    /// <inheritdoc cref="Write{T}(long, ReadOnlySpan{T})"/>
    public void Write<T>(long offset, T[] values)
        where T : unmanaged => Write(offset, new ReadOnlySpan<T>(values));

    /// <summary>Copies elements out of the object, such as an output the server wrote there.</summary>
    /// <typeparam name="T">The element type of the tensor's datatype: int for INT32, float for FP32, ...</typeparam>
    /// <param name="offset">Where the first element is, in bytes from the start of the object.</param>
    /// <param name="count">How many elements to read.</param>
    /// <exception cref="ArgumentOutOfRangeException">The elements do not fit between <paramref name="offset"/> and the end.</exception>
    public T[] Read<T>(long offset, int count)
        where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var values = new T[count];
        Bytes(offset, checked(count * sizeof(T))).CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    /// <summary>Unmaps the object, and removes it if <see cref="Create"/> made it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
        if (_createdPath is not null)
        {
            File.Delete(_createdPath);
        }
    }

    /// <summary>The key names a file directly in /dev/shm, as POSIX <c>shm_open</c> resolves it.</summary>
    private static string PathOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var name = key.StartsWith('/') ? key[1..] : key;
        return name.Length == 0 || name == "." || name.Contains('/') || name.Contains("..", StringComparison.Ordinal) || name.Contains('\0')
            ? throw new ArgumentException($"the key '{key}' must name a file directly in {Directory}, such as '/input_data'", nameof(key))
            : Path.Combine(Directory, name);
    }

    private Span<byte> Bytes(long offset, int length)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (offset < 0 || offset > ByteSize || length > ByteSize - offset)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"{length} bytes at offset {offset} do not fit in the {ByteSize} bytes of region '{Key}'");
        }

        return new Span<byte>(_pointer + offset, length);
    }
}

using System.IO.MemoryMappedFiles;
using Microsoft.Win32.SafeHandles;
using Modelport.Core.Errors;

namespace Modelport.Server.SharedMemory;

/// <summary>
/// A read-write mapping of bytes [offset, offset + byteSize) of a file in /dev/shm, the one owner of the file handle and
/// the view. The range is checked against the file's real size before anything is mapped.
/// </summary>
internal sealed unsafe class SharedMemoryMapping : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;

    private SharedMemoryMapping(MemoryMappedFile file, MemoryMappedViewAccessor view, long byteSize)
    {
        _file = file;
        _view = view;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        // The view starts at the page boundary below the requested offset.
        Pointer = pointer + view.PointerOffset;
        ByteSize = byteSize;
    }

    public byte* Pointer { get; }

    public long ByteSize { get; }

    public static Result<SharedMemoryMapping> Open(string region, string key, long offset, long byteSize)
    {
        var path = SharedMemoryKey.ToPath(key);
        if (path.Error is { } badKey)
        {
            return badKey;
        }

        if (offset < 0 || byteSize <= 0)
        {
            return InferenceError.InvalidArgument(
                $"shared memory region '{region}': offset must be 0 or more and byte_size more than 0, not offset {offset} and byte_size {byteSize}");
        }

        var opened = OpenFile(path.Value, key);
        if (opened.Error is { } unopened)
        {
            return unopened;
        }

        var handle = opened.Value;
        try
        {
            var length = RandomAccess.GetLength(handle);
            if (offset > length || byteSize > length - offset)
            {
                handle.Dispose();
                return InferenceError.InvalidArgument(
                    $"shared memory region '{region}': offset {offset} + byte_size {byteSize} runs past the end of {path.Value}, which has {length} bytes");
            }

            // Capacity 0 maps the file at its own size; a larger capacity would grow the client's file.
            var file = MemoryMappedFile.CreateFromFile(handle, null, 0, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false);
            try
            {
                return new SharedMemoryMapping(file, file.CreateViewAccessor(offset, byteSize, MemoryMappedFileAccess.ReadWrite), byteSize);
            }
            catch
            {
                file.Dispose();
                throw;
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            handle.Dispose();
            return InferenceError.InvalidArgument($"shared memory region '{region}': cannot map {path.Value}: {exception.Message}");
        }
    }

    public void Dispose()
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }

    /// <summary>
    /// Opens the file read-write without following a symbolic link: the link is refused before opening, and because a
    /// link could replace the file in between, the file actually opened must still be one directly in /dev/shm.
    /// </summary>
    private static Result<SafeFileHandle> OpenFile(string path, string key)
    {
        SafeFileHandle handle;
        try
        {
            if (new FileInfo(path).LinkTarget is not null)
            {
                return InferenceError.InvalidArgument($"shared memory key '{key}' names a symbolic link, {path}; register the file itself");
            }

            handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        }
        catch (FileNotFoundException)
        {
            return InferenceError.InvalidArgument($"shared memory key '{key}': {path} does not exist; create the region before registering it");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return InferenceError.InvalidArgument($"shared memory key '{key}': cannot open {path}: {exception.Message}");
        }

        var opened = File.ResolveLinkTarget($"/proc/self/fd/{handle.DangerousGetHandle()}", returnFinalTarget: false)?.FullName;
        if (opened is null || Path.GetDirectoryName(opened) != SharedMemoryDirectory)
        {
            handle.Dispose();
            return InferenceError.InvalidArgument($"shared memory key '{key}' does not name a file in {SharedMemoryKey.Directory}");
        }

        return handle;
    }

    /// <summary>/dev/shm as the kernel names it: some systems make it a link to /run/shm.</summary>
    private static string SharedMemoryDirectory { get; } =
        new DirectoryInfo(SharedMemoryKey.Directory).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? SharedMemoryKey.Directory;
}

namespace Modelport.Server.Tests.TestSupport;

/// <summary>A POSIX shared memory object (a file in /dev/shm) with a unique name, written and read as a client would; deleted on dispose.</summary>
internal sealed class SharedMemoryFile : IDisposable
{
    public SharedMemoryFile(long byteSize)
    {
        Name = $"modelport-test-{Guid.NewGuid():N}";
        using var file = File.Open(Path, FileMode.CreateNew, FileAccess.ReadWrite);
        file.SetLength(byteSize);
    }

    public string Name { get; }

    /// <summary>The key to register, in the form Triton's clients use.</summary>
    public string Key => "/" + Name;

    public string Path => "/dev/shm/" + Name;

    public void Write(long offset, byte[] bytes)
    {
        using var handle = File.OpenHandle(Path, FileMode.Open, FileAccess.Write);
        RandomAccess.Write(handle, bytes, offset);
    }

    public byte[] Read(long offset, int count)
    {
        var bytes = new byte[count];
        using var handle = File.OpenHandle(Path, FileMode.Open);
        Assert.Equal(count, RandomAccess.Read(handle, bytes, offset));
        return bytes;
    }

    public void Dispose() => File.Delete(Path);
}

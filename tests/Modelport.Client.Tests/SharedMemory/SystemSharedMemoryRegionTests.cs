using System.Runtime.Versioning;

namespace Modelport.Client.Tests.SharedMemory;

public sealed class SystemSharedMemoryRegionTests
{
    private readonly string _key = $"/modelport-client-test-{Guid.NewGuid():N}";

    private string Path => "/dev/shm" + _key;

    [Fact]
    [SupportedOSPlatform("linux")]
    public void Create_makes_a_private_object_of_that_size_and_dispose_removes_it()
    {
        using (var region = SystemSharedMemoryRegion.Create(_key, 64))
        {
            Assert.Equal(_key, region.Key);
            Assert.Equal(64, region.ByteSize);
            Assert.Equal(64, new FileInfo(Path).Length);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path));
        }

        Assert.False(File.Exists(Path));
    }

    [Fact]
    public void Typed_values_written_at_an_offset_are_read_back_and_seen_by_another_mapping()
    {
        using var created = SystemSharedMemoryRegion.Create(_key.TrimStart('/'), 64);
        created.Write(8, new[] { 1, -2, 3 });
        created.Write<float>(32, [1.5f]);

        using var opened = SystemSharedMemoryRegion.Open(_key);

        Assert.Equal([1, -2, 3], opened.Read<int>(8, 3));
        Assert.Equal([1.5f], opened.Read<float>(32, 1));
        Assert.Equal(64, opened.ByteSize);
    }

    [Fact]
    public void Disposing_an_opened_region_leaves_the_object()
    {
        using var created = SystemSharedMemoryRegion.Create(_key, 16);

        SystemSharedMemoryRegion.Open(_key).Dispose();

        Assert.True(File.Exists(Path));
    }

    [Fact]
    public void Reads_and_writes_past_the_end_are_refused()
    {
        using var region = SystemSharedMemoryRegion.Create(_key, 16);

        Assert.Throws<ArgumentOutOfRangeException>(() => region.Write(12, new[] { 1, 2 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => region.Read<long>(16, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => region.Read<byte>(-1, 1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/a/b")]
    [InlineData("../etc/passwd")]
    public void Keys_that_do_not_name_a_file_directly_in_dev_shm_are_refused(string key)
    {
        Assert.Throws<ArgumentException>(() => SystemSharedMemoryRegion.Create(key, 16));
    }

    [Fact]
    public void Creating_an_object_that_exists_is_refused()
    {
        using var first = SystemSharedMemoryRegion.Create(_key, 16);

        Assert.Throws<IOException>(() => SystemSharedMemoryRegion.Create(_key, 16));
    }
}

using Modelport.Core.Errors;
using Modelport.Core.Inference;
using Modelport.Core.Tensors;
using Modelport.Server.SharedMemory;
using Modelport.Server.Tests.TestSupport;

namespace Modelport.Server.Tests.SharedMemory;

public sealed class SharedMemoryRegistryTests : IDisposable
{
    private readonly SharedMemoryFile _file = new(64);
    private readonly SharedMemoryRegistry _registry = new(maxRegions: 2);

    [Fact]
    public void A_request_keeps_its_region_mapped_after_the_region_is_unregistered()
    {
        var data = Enumerable.Range(1, 64).Select(value => (byte)value).ToArray();
        _file.Write(0, data);
        Assert.Null(_registry.Register("region", _file.Key, 0, 64));
        var region = _registry.Status("region").Value.Single();
        var request = new InferenceRequest { ModelName = "model", Inputs = [new InferenceTensor("X", DataType.UInt8, [64], ReadOnlyMemory<byte>.Empty)] };
        var inFlight = new SharedMemoryBindings(_registry);
        inFlight.AddInput(0, new SharedMemoryReference("region", 0, 64));
        var bound = inFlight.Bind(request);

        _registry.Unregister("region");

        Assert.Equal(InferenceErrorKind.NotFound, _registry.Status("region").Error?.Kind);
        var next = new SharedMemoryBindings(_registry);
        next.AddInput(0, new SharedMemoryReference("region", 0, 64));
        Assert.Equal(InferenceErrorKind.NotFound, next.Bind(request).Error?.Kind);
        Assert.Equal(data, bound.Value.Inputs[0].Data.ToArray());

        inFlight.Dispose();

        // The request held the last reference: the mapping is gone, and the region cannot be taken again.
        Assert.False(region.TryAcquire());
    }

    [Fact]
    public void No_more_regions_than_the_limit_are_registered()
    {
        Assert.Null(_registry.Register("first", _file.Key, 0, 64));
        Assert.Null(_registry.Register("second", _file.Key, 0, 32));

        var refused = _registry.Register("third", _file.Key, 0, 16);
        _registry.Unregister("first");

        Assert.Equal(InferenceErrorKind.Unavailable, refused?.Kind);
        Assert.Contains("2 regions are registered, the most this server holds", refused?.Message, StringComparison.Ordinal);
        Assert.Null(_registry.Register("third", _file.Key, 0, 16));
    }

    [Theory]
    [InlineData("/input_data", "/dev/shm/input_data")]
    [InlineData("input_data", "/dev/shm/input_data")]
    [InlineData("/a..b", null)]
    [InlineData("//input_data", null)]
    [InlineData("/.", null)]
    public void A_key_names_a_file_directly_in_dev_shm(string key, string? path)
    {
        var result = SharedMemoryKey.ToPath(key);

        Assert.Equal(path, result.IsSuccess ? result.Value : null);
    }

    public void Dispose()
    {
        _registry.Dispose();
        _file.Dispose();
    }
}

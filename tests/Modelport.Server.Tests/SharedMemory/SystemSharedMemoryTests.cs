using Modelport.Server.Tests.TestSupport;
using Modelport.Server.Tests.TestSupport.Clients;

namespace Modelport.Server.Tests.SharedMemory;

/// <summary>Triton's system shared memory extension on a real server, over REST and gRPC: one test body, both transports.</summary>
public sealed class SystemSharedMemoryTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>, IAsyncLifetime
{
    private static readonly int[] Counting = [.. Enumerable.Range(0, 16)];
    private static readonly int[] Ones = [.. Enumerable.Repeat(1, 16)];

    private readonly List<SharedMemoryFile> _files = [];

    public static TheoryData<Transport, bool> TransportsAndForms => Transports.With([false, true]);

    public static TheoryData<Transport, string> OutOfBounds =>
        Transports.With(["offset past the end", "size past the end", "offset + size overflows", "output past the end"]);

    public static TheoryData<Transport, string> BadKeys => Transports.With(["../etc/passwd", "/a/b", "/..", "", "/", "/x\0y"]);

    [Theory]
    [MemberData(nameof(TransportsAndForms))]
    public async Task Inputs_and_outputs_in_shared_memory_round_trip_on_simple(Transport transport, bool binary)
    {
        var client = fixture.Server.ClientFor(transport);
        // The region starts 64 bytes into its file, off a page boundary; tensor offsets count from the region's start.
        var (file, region) = await RegisterAsync(client, fileSize: 320, offset: 64, byteSize: 256);
        file.Write(64, Int32s(Counting));
        file.Write(128, Int32s(Ones));
        var call = SimpleCall(region, ("INPUT0", 0), ("INPUT1", 64), ("OUTPUT0", 128), ("OUTPUT1", 192)) with { Binary = binary };

        var reply = await client.InferAsync(call);

        var sum = reply.Output("OUTPUT0");
        Assert.Equal("INT32", sum.Datatype);
        Assert.Equal([1L, 16L], sum.Shape);
        Assert.Empty(sum.Data);
        Assert.Equal(new SharedMemoryPlace(region, 128, 64), sum.SharedMemory);
        Assert.Equal(Counting.Select(value => value + 1), BinaryInference.ToInt32s(file.Read(64 + 128, 64)));
        Assert.Equal(Counting.Select(value => value - 1), BinaryInference.ToInt32s(file.Read(64 + 192, 64)));
    }

    [Theory]
    [MemberData(nameof(TransportsAndForms))]
    public async Task Tensors_in_shared_memory_mix_with_tensors_in_the_request(Transport transport, bool binary)
    {
        var client = fixture.Server.ClientFor(transport);
        var (file, region) = await RegisterAsync(client, fileSize: 128);
        file.Write(0, Int32s(Counting));
        var call = new InferCall("simple", [Placeholder("INPUT0"), Tensor.Int32("INPUT1", [1, 16], Ones)])
        {
            Binary = binary,
            Outputs = ["OUTPUT0", "OUTPUT1"],
            SharedMemory = new Dictionary<string, SharedMemoryPlace> { ["INPUT0"] = new(region, 0, 64), ["OUTPUT1"] = new(region, 64, 64) },
        };

        var reply = await client.InferAsync(call);

        Assert.Equal(Counting.Select(value => value + 1), reply.Output("OUTPUT0").AsInt32s());
        Assert.Null(reply.Output("OUTPUT0").SharedMemory);
        Assert.Empty(reply.Output("OUTPUT1").Data);
        Assert.Equal(Counting.Select(value => value - 1), BinaryInference.ToInt32s(file.Read(64, 64)));
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Status_lists_every_region_or_the_one_named(Transport transport)
    {
        var client = fixture.Server.ClientFor(transport);
        var (first, firstRegion) = await RegisterAsync(client, fileSize: 128);
        var (second, secondRegion) = await RegisterAsync(client, fileSize: 256, offset: 64, byteSize: 128);

        var all = await client.SharedMemoryStatusAsync();
        var one = await client.SharedMemoryStatusAsync(secondRegion);
        var unknown = await Assert.ThrowsAsync<ApiException>(() => client.SharedMemoryStatusAsync("no_such_region"));

        Assert.Contains(new SharedMemoryRegionInfo(firstRegion, first.Key, 0, 128), all);
        Assert.Contains(new SharedMemoryRegionInfo(secondRegion, second.Key, 64, 128), all);
        Assert.Equal([new SharedMemoryRegionInfo(secondRegion, second.Key, 64, 128)], one);
        Assert.Equal(ApiError.NotFound, unknown.Code);
        Assert.Contains("'no_such_region'", unknown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OutOfBounds))]
    public async Task References_outside_the_region_are_refused_naming_the_region_offset_and_size(Transport transport, string reference)
    {
        var client = fixture.Server.ClientFor(transport);
        var (_, region) = await RegisterAsync(client, fileSize: 256);
        var (tensor, offset, byteSize) = reference switch
        {
            "offset past the end" => ("INPUT0", 300L, 64L),
            "size past the end" => ("INPUT0", 200L, 64L),
            "offset + size overflows" => ("INPUT0", 8L, long.MaxValue),
            _ => ("OUTPUT0", 250L, 64L),
        };
        var call = SimpleCall(region, ("INPUT0", 0), ("INPUT1", 64), ("OUTPUT0", 128));
        call = call with { SharedMemory = new Dictionary<string, SharedMemoryPlace>(call.SharedMemory) { [tensor] = new(region, offset, byteSize) } };

        var error = await Assert.ThrowsAsync<ApiException>(() => client.InferAsync(call));

        Assert.Equal(ApiError.InvalidArgument, error.Code);
        Assert.Contains($"'{tensor}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"shared_memory_offset {offset} + shared_memory_byte_size {byteSize} runs past the end of shared memory region '{region}', which has 256 bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task A_byte_size_that_is_not_the_tensors_is_refused(Transport transport)
    {
        var client = fixture.Server.ClientFor(transport);
        var (_, region) = await RegisterAsync(client, fileSize: 256);
        var call = SimpleCall(region, ("INPUT0", 0), ("INPUT1", 64));
        call = call with { SharedMemory = new Dictionary<string, SharedMemoryPlace>(call.SharedMemory) { ["INPUT1"] = new(region, 64, 32) } };

        var error = await Assert.ThrowsAsync<ApiException>(() => client.InferAsync(call));

        Assert.Equal(ApiError.InvalidArgument, error.Code);
        Assert.Contains("input 'INPUT1' of model 'simple'", error.Message, StringComparison.Ordinal);
        Assert.Contains("64 bytes) but 32 bytes of data", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task An_output_larger_than_its_byte_size_is_refused(Transport transport)
    {
        var client = fixture.Server.ClientFor(transport);
        var (_, region) = await RegisterAsync(client, fileSize: 256);
        var call = SimpleCall(region, ("INPUT0", 0), ("INPUT1", 64));
        call = call with
        {
            Outputs = ["OUTPUT0"],
            SharedMemory = new Dictionary<string, SharedMemoryPlace>(call.SharedMemory) { ["OUTPUT0"] = new(region, 128, 32) },
        };

        var error = await Assert.ThrowsAsync<ApiException>(() => client.InferAsync(call));

        Assert.Equal(ApiError.InvalidArgument, error.Code);
        Assert.Contains($"output 'OUTPUT0' of model 'simple' has 64 bytes, more than the 32 bytes its shared_memory_byte_size gives it in shared memory region '{region}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task A_region_that_is_not_registered_is_not_found(Transport transport)
    {
        var call = SimpleCall("no_such_region", ("INPUT0", 0), ("INPUT1", 64));

        var error = await Assert.ThrowsAsync<ApiException>(() => fixture.Server.ClientFor(transport).InferAsync(call));

        Assert.Equal(ApiError.NotFound, error.Code);
        Assert.Contains("input 'INPUT0' of model 'simple' refers to shared memory region 'no_such_region', which is not registered", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Registering_more_than_the_file_holds_is_refused(Transport transport)
    {
        var client = fixture.Server.ClientFor(transport);
        var file = NewFile(64);

        var tooLong = await Assert.ThrowsAsync<ApiException>(() => client.RegisterSharedMemoryAsync("too_long", file.Key, 0, 128));
        var pastTheEnd = await Assert.ThrowsAsync<ApiException>(() => client.RegisterSharedMemoryAsync("past_the_end", file.Key, 32, 64));

        Assert.Equal(ApiError.InvalidArgument, tooLong.Code);
        Assert.Contains($"offset 0 + byte_size 128 runs past the end of {file.Path}, which has 64 bytes", tooLong.Message, StringComparison.Ordinal);
        Assert.Equal(ApiError.InvalidArgument, pastTheEnd.Code);
        Assert.Empty(await client.SharedMemoryStatusAsync());
    }

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task Keys_that_do_not_name_a_file_directly_in_dev_shm_are_refused(Transport transport, string key)
    {
        var client = fixture.Server.ClientFor(transport);

        var error = await Assert.ThrowsAsync<ApiException>(() => client.RegisterSharedMemoryAsync("bad_key", key, 0, 64));

        Assert.Equal(ApiError.InvalidArgument, error.Code);
        Assert.Contains("must name a file directly in /dev/shm", error.Message, StringComparison.Ordinal);
        Assert.Empty(await client.SharedMemoryStatusAsync());
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task A_key_that_is_a_symbolic_link_is_refused(Transport transport)
    {
        var client = fixture.Server.ClientFor(transport);
        var target = Path.GetTempFileName();
        var link = $"/dev/shm/modelport-test-link-{Guid.NewGuid():N}";
        File.WriteAllBytes(target, new byte[64]);
        File.CreateSymbolicLink(link, target);
        try
        {
            var error = await Assert.ThrowsAsync<ApiException>(() => client.RegisterSharedMemoryAsync("link", "/" + Path.GetFileName(link), 0, 64));

            Assert.Equal(ApiError.InvalidArgument, error.Code);
            Assert.Contains("names a symbolic link", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(link);
            File.Delete(target);
        }
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Registering_a_name_twice_is_refused(Transport transport)
    {
        var client = fixture.Server.ClientFor(transport);
        var (file, region) = await RegisterAsync(client, fileSize: 64);

        var error = await Assert.ThrowsAsync<ApiException>(() => client.RegisterSharedMemoryAsync(region, file.Key, 0, 64));

        // Triton's ALREADY_EXISTS, which its HTTP mapping answers with 400.
        Assert.Equal(transport == Transport.Rest ? ApiError.InvalidArgument : ApiError.AlreadyExists, error.Code);
        Assert.Contains($"shared memory region '{region}' is registered already", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Unregistering_while_requests_are_in_flight_lets_them_finish_and_refuses_the_next(Transport transport)
    {
        var client = fixture.Server.ClientFor(transport);
        var (file, region) = await RegisterAsync(client, fileSize: 128);
        file.Write(0, Int32s(Counting));
        file.Write(64, Int32s(Ones));
        var call = SimpleCall(region, ("INPUT0", 0), ("INPUT1", 64)) with { Outputs = ["OUTPUT0"] };

        var inFlight = Enumerable.Range(0, 32).Select(_ => Task.Run(() => SumOrNotFoundAsync(client, call))).ToArray();
        await client.UnregisterSharedMemoryAsync(region);
        var sums = await Task.WhenAll(inFlight);
        var next = await Assert.ThrowsAsync<ApiException>(() => client.InferAsync(call));

        Assert.All(sums.OfType<int[]>(), sum => Assert.Equal(Counting.Select(value => value + 1), sum));
        Assert.Equal(ApiError.NotFound, next.Code);
        Assert.Empty(await client.SharedMemoryStatusAsync());
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Unregistering_without_a_name_unregisters_every_region(Transport transport)
    {
        var client = fixture.Server.ClientFor(transport);
        await RegisterAsync(client, fileSize: 64);
        await RegisterAsync(client, fileSize: 64);

        await client.UnregisterSharedMemoryAsync();
        await client.UnregisterSharedMemoryAsync("never_registered");

        Assert.Empty(await client.SharedMemoryStatusAsync());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await fixture.Server.ClientFor(Transport.Rest).UnregisterSharedMemoryAsync();
        _files.ForEach(file => file.Dispose());
    }

    private static async Task<int[]?> SumOrNotFoundAsync(IInferenceClient client, InferCall call)
    {
        try
        {
            return (await client.InferAsync(call)).Output("OUTPUT0").AsInt32s();
        }
        catch (ApiException exception) when (exception.Code == ApiError.NotFound)
        {
            return null;
        }
    }

    /// <summary>A call to simple with each named tensor at an offset in the region, 64 bytes each ([1, 16] INT32).</summary>
    private static InferCall SimpleCall(string region, params (string Tensor, long Offset)[] places) =>
        new("simple", [Placeholder("INPUT0"), Placeholder("INPUT1")])
        {
            Outputs = [.. places.Select(place => place.Tensor).Where(name => name.StartsWith("OUTPUT", StringComparison.Ordinal))],
            SharedMemory = places.ToDictionary(place => place.Tensor, place => new SharedMemoryPlace(region, place.Offset, 64)),
        };

    private static Tensor Placeholder(string name) => new(name, "INT32", [1, 16], []);

    private static byte[] Int32s(int[] values) => Tensor.Int32("values", [values.Length], values).Data;

    private SharedMemoryFile NewFile(long byteSize)
    {
        var file = new SharedMemoryFile(byteSize);
        _files.Add(file);
        return file;
    }

    private async Task<(SharedMemoryFile File, string Region)> RegisterAsync(IInferenceClient client, long fileSize, long offset = 0, long? byteSize = null)
    {
        var file = NewFile(fileSize);
        var region = $"region_{Guid.NewGuid():N}";
        await client.RegisterSharedMemoryAsync(region, file.Key, offset, byteSize ?? fileSize);
        return (file, region);
    }
}

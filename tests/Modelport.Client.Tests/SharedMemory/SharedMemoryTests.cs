using Modelport.Client.Tests.TestSupport;

namespace Modelport.Client.Tests.SharedMemory;

/// <summary>Inputs and outputs through system shared memory against the real server, as the README shows it.</summary>
public sealed class SharedMemoryTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    private static readonly int[] Counting = [.. Enumerable.Range(0, 16)];
    private static readonly int[] Ones = [.. Enumerable.Repeat(1, 16)];

    private readonly string _name = $"region_{Guid.NewGuid():N}";

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Simple_reads_its_inputs_from_a_region_and_writes_its_outputs_there(Transport transport)
    {
        using var client = fixture.Server.Client(transport);
        using var region = SystemSharedMemoryRegion.Create($"/modelport-client-test-{Guid.NewGuid():N}", 256);
        region.Write(0, Counting);
        region.Write(64, Ones);
        await client.RegisterSystemSharedMemoryAsync(_name, region.Key, region.ByteSize);
        try
        {
            var request = new InferRequest(
                InferInput.FromSharedMemory("INPUT0", TensorDataType.Int32, [1, 16], _name, 0, 64),
                InferInput.FromSharedMemory("INPUT1", TensorDataType.Int32, [1, 16], _name, 64, 64))
            {
                Outputs = { InferRequestedOutput.ToSharedMemory("OUTPUT0", _name, 128, 64), new InferRequestedOutput("OUTPUT1") },
            };

            var result = await client.InferAsync("simple", request);

            Assert.Equal(Counting.Select(value => value + 1), region.Read<int>(128, 16));
            Assert.Equal([1L, 16L], result.GetOutput("OUTPUT0").Shape);
            Assert.Throws<InvalidOperationException>(() => result.GetOutput("OUTPUT0").AsSpan<int>());
            Assert.Equal(Counting.Select(value => value - 1), result.GetOutput("OUTPUT1").ToArray<int>());
            Assert.Equal([new SharedMemoryRegionStatus(_name, region.Key, 0, 256)], await client.GetSystemSharedMemoryStatusAsync(_name));
        }
        finally
        {
            await client.UnregisterSystemSharedMemoryAsync(_name);
        }

        Assert.DoesNotContain(await client.GetSystemSharedMemoryStatusAsync(), status => status.Name == _name);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Refusals_arrive_as_server_errors(Transport transport)
    {
        using var client = fixture.Server.Client(transport);
        using var region = SystemSharedMemoryRegion.Create($"/modelport-client-test-{Guid.NewGuid():N}", 64);
        await client.RegisterSystemSharedMemoryAsync(_name, region.Key, 64);
        try
        {
            var twice = await Assert.ThrowsAsync<InferenceServerException>(() => client.RegisterSystemSharedMemoryAsync(_name, region.Key, 64));
            var unknown = await Assert.ThrowsAsync<InferenceServerException>(() => client.GetSystemSharedMemoryStatusAsync("no_such_region"));

            Assert.Equal(ErrorKind.InvalidArgument, twice.ErrorKind);
            Assert.Contains("registered already", twice.Message, StringComparison.Ordinal);
            Assert.Equal(ErrorKind.NotFound, unknown.ErrorKind);
        }
        finally
        {
            await client.UnregisterSystemSharedMemoryAsync(_name);
        }
    }

    [Fact]
    public async Task A_streamed_answer_knows_its_outputs_in_shared_memory_by_the_parameters_the_server_echoes()
    {
        using var client = fixture.Server.GrpcClient();
        using var region = SystemSharedMemoryRegion.Create($"/modelport-client-test-{Guid.NewGuid():N}", 64);
        await client.RegisterSystemSharedMemoryAsync(_name, region.Key, 64);
        try
        {
            var request = new InferRequest(InferInput.Create("INPUT0", Counting, 1, 16), InferInput.Create("INPUT1", Ones, 1, 16))
            {
                Outputs = { InferRequestedOutput.ToSharedMemory("OUTPUT0", _name, 0, 64) },
            };

            var answer = await client.StreamInferAsync("simple", new[] { request }.ToAsyncEnumerable()).SingleAsync();

            Assert.Null(answer.Error);
            Assert.True(answer.Result!.GetOutput("OUTPUT0").RawData.IsEmpty);
            Assert.Equal(Counting.Select(value => value + 1), region.Read<int>(0, 16));
        }
        finally
        {
            await client.UnregisterSystemSharedMemoryAsync(_name);
        }
    }
}

using Modelport.Client.Tests.TestSupport;

namespace Modelport.Client.Tests.Inference;

public sealed class InferTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    private static readonly int[] Zero = [.. Enumerable.Range(0, 16)];
    private static readonly int[] One = [.. Enumerable.Repeat(1, 16)];

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Simple_returns_the_sum_and_the_difference(Transport transport)
    {
        using var client = fixture.Server.Client(transport);
        var request = new InferRequest(InferInput.Create("INPUT0", Zero, 1, 16), InferInput.Create("INPUT1", One, 1, 16)) { Id = "simple-1" };

        var result = await client.InferAsync("simple", request);

        Assert.Equal("simple", result.ModelName);
        Assert.Equal("1", result.ModelVersion);
        Assert.Equal("simple-1", result.Id);
        var sum = result.GetOutput("OUTPUT0");
        Assert.Equal(TensorDataType.Int32, sum.Datatype);
        Assert.Equal([1L, 16L], sum.Shape);
        Assert.Equal(Zero.Select(value => value + 1), sum.ToArray<int>());
        Assert.Equal(Zero.Select(value => value - 1), result.GetOutput("OUTPUT1").AsSpan<int>().ToArray());
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Requested_outputs_limit_the_result(Transport transport)
    {
        using var client = fixture.Server.Client(transport);
        var request = new InferRequest(InferInput.Create("INPUT0", Zero, 1, 16), InferInput.Create("INPUT1", One, 1, 16))
        {
            Outputs = { new InferRequestedOutput("OUTPUT1") },
        };

        var result = await client.InferAsync("simple", request);

        Assert.Equal("OUTPUT1", Assert.Single(result.Outputs).Name);
        Assert.Throws<KeyNotFoundException>(() => result.GetOutput("OUTPUT0"));
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task A_batch_of_two_rows_from_memory_slices(Transport transport)
    {
        using var client = fixture.Server.Client(transport);
        var rows = new int[48];
        Zero.CopyTo(rows, 0);
        Zero.CopyTo(rows, 16);
        var ones = Enumerable.Repeat(1, 32).ToArray();

        // The input is a slice of a larger buffer: it goes to the wire from the caller's memory.
        var request = new InferRequest(InferInput.Create("INPUT0", rows.AsMemory(0, 32), 2, 16), InferInput.Create("INPUT1", ones, 2, 16));
        var result = await client.InferAsync("simple", request);

        Assert.Equal([2L, 16L], result.GetOutput("OUTPUT0").Shape);
        Assert.Equal(Zero.Concat(Zero).Select(value => value + 1), result.GetOutput("OUTPUT0").ToArray<int>());
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Simple_string_adds_decimal_strings(Transport transport)
    {
        using var client = fixture.Server.Client(transport);
        var request = new InferRequest(
            InferInput.FromStrings("INPUT0", Zero.Select(value => value.ToString(System.Globalization.CultureInfo.InvariantCulture)), 1, 16),
            InferInput.FromStrings("INPUT1", One.Select(value => value.ToString(System.Globalization.CultureInfo.InvariantCulture)), 1, 16));

        var result = await client.InferAsync("simple_string", request);

        var sum = result.GetOutput("OUTPUT0");
        Assert.Equal(TensorDataType.Bytes, sum.Datatype);
        Assert.Equal(Zero.Select(value => (value + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), sum.GetStrings());
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task The_version_picks_the_multiplier(Transport transport)
    {
        using var client = fixture.Server.Client(transport);
        var request = new InferRequest(InferInput.Create("INPUT", new[] { 1f, 2f, 3f, 4f }, 1, 4));

        var twice = await client.InferAsync("multiplier", request, version: "1");
        var thrice = await client.InferAsync("multiplier", request, version: "2");

        Assert.Equal([2f, 4f, 6f, 8f], twice.GetOutput("OUTPUT").ToArray<float>());
        Assert.Equal([3f, 6f, 9f, 12f], thrice.GetOutput("OUTPUT").ToArray<float>());
        Assert.Equal("2", thrice.ModelVersion);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task The_iris_classifier_returns_probabilities(Transport transport)
    {
        using var client = fixture.Server.Client(transport);
        var request = new InferRequest(InferInput.Create("features", new[] { 5.1f, 3.5f, 1.4f, 0.2f, 6.7f, 3.0f, 5.2f, 2.3f }, 2, 4));

        var probabilities = (await client.InferAsync("iris_classifier", request)).GetOutput("probabilities");

        Assert.Equal([2L, 3L], probabilities.Shape);
        var values = probabilities.ToArray<float>();
        Assert.Equal(1f, values[..3].Sum(), 3);
        Assert.Equal(1f, values[3..].Sum(), 3);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Reading_an_output_as_the_wrong_type_says_which_type_it_is(Transport transport)
    {
        using var client = fixture.Server.Client(transport);
        var request = new InferRequest(InferInput.Create("INPUT0", Zero, 1, 16), InferInput.Create("INPUT1", One, 1, 16));

        var output = (await client.InferAsync("simple", request)).GetOutput("OUTPUT0");

        var exception = Assert.Throws<InvalidOperationException>(() => output.ToArray<float>());
        Assert.Equal("output 'OUTPUT0' is INT32; Single reads FP32", exception.Message);
        Assert.Throws<InvalidOperationException>(() => output.GetStrings());
    }
}

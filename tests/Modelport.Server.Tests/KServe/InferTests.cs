using System.Net;
using System.Text.Json.Nodes;
using Modelport.Server.Tests.TestSupport;
using Modelport.Server.Tests.TestSupport.Clients;

namespace Modelport.Server.Tests.KServe;

public sealed class InferTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    private static readonly int[] Ones = [.. Enumerable.Repeat(1, 16)];
    private static readonly int[] Counting = [.. Enumerable.Range(0, 16)];

    private HttpClient Client => fixture.Server.Client;

    public static TheoryData<Transport, bool> TransportsAndForms => Transports.With([false, true]);

    [Theory]
    [MemberData(nameof(TransportsAndForms))]
    public async Task Simple_adds_and_subtracts(Transport transport, bool binary)
    {
        var reply = await fixture.Server.ClientFor(transport).InferAsync(SimpleCall(Counting, Ones) with { Binary = binary });

        Assert.Equal("simple", reply.ModelName);
        Assert.Equal("1", reply.ModelVersion);
        Assert.Equal(binary, reply.Binary);
        Assert.Equal(Counting.Select(value => value + 1), reply.Output("OUTPUT0").AsInt32s());
        Assert.Equal(Counting.Select(value => value - 1), reply.Output("OUTPUT1").AsInt32s());
        Assert.Equal([1L, 16L], reply.Output("OUTPUT0").Shape);
    }

    [Fact]
    public async Task Nested_json_data_is_read_row_major()
    {
        var nested = new JsonArray(new JsonArray([.. Counting.Select(value => JsonValue.Create(value))]));
        var request = new JsonObject
        {
            ["inputs"] = new JsonArray(
                new JsonObject { ["name"] = "INPUT0", ["datatype"] = "INT32", ["shape"] = new JsonArray(1, 16), ["data"] = nested },
                new JsonObject { ["name"] = "INPUT1", ["datatype"] = "INT32", ["shape"] = new JsonArray(1, 16), ["data"] = new JsonArray([.. Ones.Select(value => JsonValue.Create(value))]) }),
        };

        var (status, body) = await Client.PostAsync("/v2/models/simple/infer", request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Counting.Select(value => value + 1), Data<int>(body!, "OUTPUT0"));
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task A_batch_of_two_comes_back_as_a_batch_of_two(Transport transport)
    {
        int[] first = [.. Enumerable.Range(0, 32)];
        int[] second = [.. Enumerable.Repeat(2, 32)];
        var call = new InferCall("simple", [Tensor.Int32("INPUT0", [2, 16], first), Tensor.Int32("INPUT1", [2, 16], second)]);

        var reply = await fixture.Server.ClientFor(transport).InferAsync(call);

        Assert.Equal([2L, 16L], reply.Output("OUTPUT0").Shape);
        Assert.Equal(first.Select(value => value + 2), reply.Output("OUTPUT0").AsInt32s());
        Assert.Equal(first.Select(value => value - 2), reply.Output("OUTPUT1").AsInt32s());
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task The_request_id_is_echoed_and_requested_outputs_are_the_only_ones_returned(Transport transport)
    {
        var call = SimpleCall(Counting, Ones) with { Id = "request-42", Outputs = ["OUTPUT1"] };

        var reply = await fixture.Server.ClientFor(transport).InferAsync(call);

        Assert.Equal("request-42", reply.Id);
        Assert.Equal("OUTPUT1", Assert.Single(reply.Outputs).Name);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Without_a_version_the_latest_answers_and_a_version_picks_that_one(Transport transport)
    {
        var client = fixture.Server.ClientFor(transport);
        var call = new InferCall("multiplier", [Tensor.Fp32("INPUT", [1, 4], 1, 2, 3, 4)]);

        var latest = await client.InferAsync(call);
        var first = await client.InferAsync(call with { Version = "1" });

        Assert.Equal("2", latest.ModelVersion);
        Assert.Equal([3f, 6f, 9f, 12f], latest.Output("OUTPUT").AsFp32s());
        Assert.Equal("1", first.ModelVersion);
        Assert.Equal([2f, 4f, 6f, 8f], first.Output("OUTPUT").AsFp32s());
    }

    [Theory]
    [MemberData(nameof(TransportsAndForms))]
    public async Task Bytes_tensors_carry_their_strings(Transport transport, bool binary)
    {
        string[] left = [.. Counting.Select(value => value.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        var call = new InferCall("simple_string", [Tensor.Strings("INPUT0", [1, 16], left), Tensor.Strings("INPUT1", [1, 16], [.. Enumerable.Repeat("10", 16)])])
        {
            Binary = binary,
        };

        var reply = await fixture.Server.ClientFor(transport).InferAsync(call);

        Assert.Equal("BYTES", reply.Output("OUTPUT0").Datatype);
        Assert.Equal(Counting.Select(value => (value + 10).ToString(System.Globalization.CultureInfo.InvariantCulture)), reply.Output("OUTPUT0").AsStrings());
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task The_classifier_returns_probabilities_that_sum_to_one(Transport transport)
    {
        var call = new InferCall("iris_classifier", [Tensor.Fp32("features", [1, 4], 5.1f, 3.5f, 1.4f, 0.2f)]);

        var probabilities = (await fixture.Server.ClientFor(transport).InferAsync(call)).Output("probabilities").AsFp32s();

        Assert.Equal(3, probabilities.Length);
        Assert.Equal(1.0, probabilities.Sum(), 3);
        Assert.Equal(0, Array.IndexOf(probabilities, probabilities.Max()));
    }

    internal static InferCall SimpleCall(int[] input0, int[] input1) =>
        new("simple", [Tensor.Int32("INPUT0", [1, 16], input0), Tensor.Int32("INPUT1", [1, 16], input1)]);

    internal static string SimpleRequest(int[] input0, int[] input1) =>
        new JsonObject { ["inputs"] = new JsonArray(Input("INPUT0", [1, 16], input0), Input("INPUT1", [1, 16], input1)) }.ToJsonString();

    internal static JsonObject Input(string name, long[] shape, int[] data) => new()
    {
        ["name"] = name,
        ["datatype"] = "INT32",
        ["shape"] = new JsonArray([.. shape.Select(dimension => JsonValue.Create(dimension))]),
        ["data"] = new JsonArray([.. data.Select(value => JsonValue.Create(value))]),
    };

    internal static List<T> Data<T>(JsonNode body, string output) =>
        [.. body["outputs"]!.AsArray().Single(node => node!["name"]!.GetValue<string>() == output)!["data"]!.AsArray().Select(node => node!.GetValue<T>())];
}

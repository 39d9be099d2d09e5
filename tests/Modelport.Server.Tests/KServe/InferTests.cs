using System.Net;
using System.Text.Json.Nodes;
using Modelport.Server.Tests.TestSupport;

namespace Modelport.Server.Tests.KServe;

public sealed class InferTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    private static readonly int[] Ones = [.. Enumerable.Repeat(1, 16)];
    private static readonly int[] Counting = [.. Enumerable.Range(0, 16)];

    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task Simple_adds_and_subtracts_with_flat_json_data()
    {
        var (status, body) = await Client.PostAsync("/v2/models/simple/infer", SimpleRequest(Counting, Ones));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("simple", body!["model_name"]!.GetValue<string>());
        Assert.Equal("1", body["model_version"]!.GetValue<string>());
        Assert.Equal(Counting.Select(value => value + 1), Data<int>(body, "OUTPUT0"));
        Assert.Equal(Counting.Select(value => value - 1), Data<int>(body, "OUTPUT1"));
        Assert.Equal([1L, 16L], body["outputs"]![0]!["shape"]!.AsArray().Select(node => node!.GetValue<long>()));
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

    [Fact]
    public async Task A_batch_of_two_comes_back_as_a_batch_of_two()
    {
        int[] first = [.. Enumerable.Range(0, 32)];
        int[] second = [.. Enumerable.Repeat(2, 32)];
        var request = new JsonObject
        {
            ["inputs"] = new JsonArray(Input("INPUT0", [2, 16], first), Input("INPUT1", [2, 16], second)),
        };

        var (status, body) = await Client.PostAsync("/v2/models/simple/infer", request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([2L, 16L], body!["outputs"]![0]!["shape"]!.AsArray().Select(node => node!.GetValue<long>()));
        Assert.Equal(first.Select(value => value * 2 - 2), Data<int>(body, "OUTPUT0").Zip(Data<int>(body, "OUTPUT1"), (sum, difference) => sum + difference - 2));
    }

    [Fact]
    public async Task The_request_id_is_echoed_and_requested_outputs_are_the_only_ones_returned()
    {
        var request = JsonNode.Parse(SimpleRequest(Counting, Ones))!.AsObject();
        request["id"] = "request-42";
        request["outputs"] = new JsonArray(new JsonObject { ["name"] = "OUTPUT1" });

        var (status, body) = await Client.PostAsync("/v2/models/simple/infer", request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("request-42", body!["id"]!.GetValue<string>());
        var output = Assert.Single(body["outputs"]!.AsArray());
        Assert.Equal("OUTPUT1", output!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_version_the_latest_answers_and_a_version_in_the_path_picks_that_one()
    {
        var request = new JsonObject { ["inputs"] = new JsonArray(InputFp32("INPUT", [1, 4], [1, 2, 3, 4])) }.ToJsonString();

        var (_, latest) = await Client.PostAsync("/v2/models/multiplier/infer", request);
        var (_, first) = await Client.PostAsync("/v2/models/multiplier/versions/1/infer", request);

        Assert.Equal("2", latest!["model_version"]!.GetValue<string>());
        Assert.Equal([3f, 6f, 9f, 12f], Data<float>(latest, "OUTPUT"));
        Assert.Equal("1", first!["model_version"]!.GetValue<string>());
        Assert.Equal([2f, 4f, 6f, 8f], Data<float>(first, "OUTPUT"));
    }

    [Fact]
    public async Task Bytes_tensors_travel_as_json_strings()
    {
        string[] left = [.. Counting.Select(value => value.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        string[] right = [.. Enumerable.Repeat("10", 16)];
        var request = new JsonObject
        {
            ["inputs"] = new JsonArray(
                new JsonObject { ["name"] = "INPUT0", ["datatype"] = "BYTES", ["shape"] = new JsonArray(1, 16), ["data"] = new JsonArray([.. left.Select(value => JsonValue.Create(value))]) },
                new JsonObject { ["name"] = "INPUT1", ["datatype"] = "BYTES", ["shape"] = new JsonArray(1, 16), ["data"] = new JsonArray([.. right.Select(value => JsonValue.Create(value))]) }),
        };

        var (status, body) = await Client.PostAsync("/v2/models/simple_string/infer", request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("BYTES", body!["outputs"]![0]!["datatype"]!.GetValue<string>());
        Assert.Equal(Counting.Select(value => (value + 10).ToString(System.Globalization.CultureInfo.InvariantCulture)), Data<string>(body, "OUTPUT0"));
    }

    [Fact]
    public async Task NaN_and_infinities_travel_as_json_strings_so_the_answer_stays_valid_json()
    {
        var request = """{"inputs":[{"name":"INPUT","datatype":"FP32","shape":[1,4],"data":["NaN","Infinity","-Infinity",1.5]}]}""";

        var (status, body) = await Client.PostAsync("/v2/models/multiplier/versions/1/infer", request);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""["NaN","Infinity","-Infinity",3]""", body!["outputs"]![0]!["data"]!.ToJsonString());
    }

    [Fact]
    public async Task The_classifier_returns_probabilities_that_sum_to_one()
    {
        var request = new JsonObject { ["inputs"] = new JsonArray(InputFp32("features", [1, 4], [5.1f, 3.5f, 1.4f, 0.2f])) }.ToJsonString();

        var (status, body) = await Client.PostAsync("/v2/models/iris_classifier/infer", request);

        Assert.Equal(HttpStatusCode.OK, status);
        var probabilities = Data<float>(body!, "probabilities");
        Assert.Equal(3, probabilities.Count);
        Assert.Equal(1.0, probabilities.Sum(), 3);
        Assert.Equal(0, probabilities.IndexOf(probabilities.Max()));
    }

    internal static string SimpleRequest(int[] input0, int[] input1) =>
        new JsonObject { ["inputs"] = new JsonArray(Input("INPUT0", [1, 16], input0), Input("INPUT1", [1, 16], input1)) }.ToJsonString();

    internal static JsonObject Input(string name, long[] shape, int[] data) => new()
    {
        ["name"] = name,
        ["datatype"] = "INT32",
        ["shape"] = new JsonArray([.. shape.Select(dimension => JsonValue.Create(dimension))]),
        ["data"] = new JsonArray([.. data.Select(value => JsonValue.Create(value))]),
    };

    internal static JsonObject InputFp32(string name, long[] shape, float[] data) => new()
    {
        ["name"] = name,
        ["datatype"] = "FP32",
        ["shape"] = new JsonArray([.. shape.Select(dimension => JsonValue.Create(dimension))]),
        ["data"] = new JsonArray([.. data.Select(value => JsonValue.Create(value))]),
    };

    internal static List<T> Data<T>(JsonNode body, string output) =>
        [.. body["outputs"]!.AsArray().Single(node => node!["name"]!.GetValue<string>() == output)!["data"]!.AsArray().Select(node => node!.GetValue<T>())];
}

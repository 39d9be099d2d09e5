using System.Net;
using System.Text.Json.Nodes;
using Modelport.Server.Tests.TestSupport;

namespace Modelport.Server.Tests.TfServing;

/// <summary>Predict requests in the shapes TF Serving's REST documentation shows, against the sample models.</summary>
public sealed class PredictTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    private static readonly string Counting = Json(Enumerable.Range(0, 16));
    private static readonly string Ones = Json(Enumerable.Repeat(1, 16));

    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task Row_format_with_one_input_answers_one_prediction_per_instance()
    {
        var (status, body) = await Client.PostTextAsync(
            "/v1/models/multiplier:predict", """{"instances": [[1.0, 2.0, 3.0, 4.0], [5, 6, 7, 8]]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"predictions":[[3.0,6.0,9.0,12.0],[15.0,18.0,21.0,24.0]]}""", body);
    }

    [Fact]
    public async Task Row_format_with_named_inputs_answers_an_object_per_instance()
    {
        var request = $$"""
            {"instances": [
              {"INPUT0": {{Counting}}, "INPUT1": {{Ones}}},
              {"INPUT1": {{Counting}}, "INPUT0": {{Counting}}}
            ]}
            """;

        var (status, body) = await Client.PostAsync("/v1/models/simple:predict", request);

        Assert.Equal(HttpStatusCode.OK, status);
        var predictions = body!["predictions"]!.AsArray();
        Assert.Equal(2, predictions.Count);
        Assert.Equal(Enumerable.Range(1, 16), Ints(predictions[0]!["OUTPUT0"]));
        Assert.Equal(Enumerable.Range(-1, 16), Ints(predictions[0]!["OUTPUT1"]));
        Assert.Equal(Enumerable.Range(0, 16).Select(value => value * 2), Ints(predictions[1]!["OUTPUT0"]));
        Assert.All(Ints(predictions[1]!["OUTPUT1"]), value => Assert.Equal(0, value));
    }

    [Fact]
    public async Task Columnar_format_with_one_input_answers_the_bare_output()
    {
        var (status, body) = await Client.PostTextAsync("/v1/models/multiplier/versions/1:predict", """{"inputs": [[1, 2, 3, 4]]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"outputs":[[2.0,4.0,6.0,8.0]]}""", body);
    }

    [Fact]
    public async Task Columnar_format_with_named_inputs_answers_an_object_of_outputs()
    {
        var request = $$$"""{"signature_name": "serving_default", "inputs": {"INPUT0": [{{{Counting}}}, {{{Ones}}}], "INPUT1": [{{{Ones}}}, {{{Ones}}}]}}""";

        var (status, body) = await Client.PostAsync("/v1/models/simple:predict", request);

        Assert.Equal(HttpStatusCode.OK, status);
        var outputs = body!["outputs"]!.AsObject();
        Assert.Equal(["OUTPUT0", "OUTPUT1"], outputs.Select(pair => pair.Key));
        Assert.Equal(2, outputs["OUTPUT0"]!.AsArray().Count);
        Assert.Equal(Enumerable.Range(1, 16), Ints(outputs["OUTPUT0"]![0]));
        Assert.All(Ints(outputs["OUTPUT1"]![1]), value => Assert.Equal(0, value));
    }

    [Theory]
    [InlineData("/v1/models/multiplier:predict", 3f)]
    [InlineData("/v1/models/multiplier/versions/1:predict", 2f)]
    [InlineData("/v1/models/multiplier/versions/2:predict", 3f)]
    public async Task A_version_in_the_path_picks_it_and_none_picks_the_latest(string path, float factor)
    {
        var (status, body) = await Client.PostAsync(path, """{"instances": [[1, 2, 3, 4]]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([factor, 2 * factor, 3 * factor, 4 * factor], body!["predictions"]![0]!.AsArray().Select(node => node!.GetValue<float>()));
    }

    [Fact]
    public async Task Strings_and_b64_values_both_feed_a_BYTES_input()
    {
        var threes = new JsonArray([.. Enumerable.Repeat(0, 16).Select(_ => new JsonObject { ["b64"] = Convert.ToBase64String("3"u8) })]);
        var request = new JsonObject
        {
            ["instances"] = new JsonArray(new JsonObject
            {
                ["INPUT0"] = threes,
                ["INPUT1"] = new JsonArray([.. Enumerable.Range(0, 16).Select(value => JsonValue.Create(value.ToString(System.Globalization.CultureInfo.InvariantCulture)))]),
            }),
        };

        var (status, body) = await Client.PostAsync("/v1/models/simple_string:predict", request.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        var prediction = body!["predictions"]![0]!;
        Assert.Equal(Enumerable.Range(3, 16).Select(value => value.ToString(System.Globalization.CultureInfo.InvariantCulture)), Strings(prediction["OUTPUT0"]));
        Assert.Equal("3", Strings(prediction["OUTPUT1"])[0]);
    }

    [Fact]
    public async Task The_documented_single_input_example_runs_on_a_model_with_a_variable_dimension()
    {
        var (status, body) = await Client.PostTextAsync("/v1/models/identity_fp32_noconfig:predict", """{"instances": [[1.0, 2.0, 5.0]]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"predictions":[[1.0,2.0,5.0]]}""", body);
    }

    [Fact]
    public async Task Unknown_keys_are_ignored_and_the_answer_is_JSON()
    {
        using var content = new StringContent("""{"instances": [[0.5, 1, 1.5, 2]], "extra": {"x": [1]}}""");
        using var response = await Client.PostAsync("/v1/models/multiplier/versions/1:predict", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"predictions":[[1.0,2.0,3.0,4.0]]}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NaN_and_infinities_go_in_as_strings_and_come_out_as_TF_Serving_s_bare_tokens()
    {
        var (status, body) = await Client.PostTextAsync(
            "/v1/models/multiplier/versions/1:predict", """{"inputs": [["NaN", 2, "Infinity", "-Infinity"]]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"outputs":[[NaN,4.0,Infinity,-Infinity]]}""", body);
    }

    [Fact]
    public async Task A_percent_encoded_colon_reaches_the_verb()
    {
        var (status, _) = await Client.PostAsync("/v1/models/multiplier%3Apredict", """{"instances": [[1, 2, 3, 4]]}""");

        Assert.Equal(HttpStatusCode.OK, status);
    }

    private static string Json(IEnumerable<int> values) => "[" + string.Join(",", values) + "]";

    private static IEnumerable<int> Ints(JsonNode? node) => node!.AsArray().Select(value => value!.GetValue<int>());

    private static List<string> Strings(JsonNode? node) => [.. node!.AsArray().Select(value => value!.GetValue<string>())];
}

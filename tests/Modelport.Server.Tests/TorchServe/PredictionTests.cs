using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Modelport.Server.Tests.TorchServe;

public sealed class PredictionTests(PredictionServerFixture fixture) : IClassFixture<PredictionServerFixture>
{
    private const string Sixteen = "[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15]";
    private const string Ones = "[1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1]";

    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task Ping_answers_healthy_once_the_models_are_loaded()
    {
        var (status, body) = await Client.SendAsync(HttpMethod.Get, "/ping");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"status":"Healthy"}""", body!.ToJsonString());
    }

    [Fact]
    public async Task A_raw_body_is_the_one_element_of_a_bytes_model_whatever_its_content_type()
    {
        using var content = new ByteArrayContent("a cat on a mat"u8.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");

        var (status, body) = await Client.SendAsync(HttpMethod.Post, "/predictions/echo", content);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""[["a cat on a mat"]]""", body!.ToJsonString());
    }

    [Fact]
    public async Task A_put_upload_as_curl_dash_T_sends_it_is_a_prediction_too()
    {
        using var content = new ByteArrayContent("uploaded"u8.ToArray());

        var (status, body) = await Client.SendAsync(HttpMethod.Put, "/predictions/echo", content);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""[["uploaded"]]""", body!.ToJsonString());
    }

    [Fact]
    public async Task The_form_field_data_is_the_one_element_of_a_bytes_model()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent("kitten"u8.ToArray()), "data", "kitten.jpg" } };

        var (status, body) = await Client.SendAsync(HttpMethod.Post, "/predictions/echo", form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""[["kitten"]]""", body!.ToJsonString());
    }

    [Fact]
    public async Task Several_form_files_are_a_batch_of_elements_in_order()
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent("first"u8.ToArray()), "data", "1.jpg" },
            { new StringContent("second"), "body" },
            { new ByteArrayContent("third"u8.ToArray()), "data", "3.jpg" },
        };

        var (status, body) = await Client.SendAsync(HttpMethod.Post, "/predictions/echo/1", form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""[["first"],["second"],["third"]]""", body!.ToJsonString());
    }

    [Fact]
    public async Task A_json_object_names_the_inputs_and_several_outputs_come_back_by_name()
    {
        var (status, body) = await PostJsonAsync("/predictions/simple", $$"""{"INPUT0": [{{Sixteen}}], "INPUT1": [{{Ones}}]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JsonNode.Parse("[[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16]]")!.ToJsonString(), body!["OUTPUT0"]!.ToJsonString());
        Assert.Equal(JsonNode.Parse("[[-1,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14]]")!.ToJsonString(), body["OUTPUT1"]!.ToJsonString());
    }

    [Fact]
    public async Task A_bare_array_is_the_input_of_a_one_input_model_and_one_output_comes_back_bare()
    {
        var (status, body) = await PostJsonAsync("/predictions/multiplier", "[[1,2,3,4],[5,6,7,8]]");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("[[3,6,9,12],[15,18,21,24]]", body!.ToJsonString());
    }

    [Theory]
    [InlineData("/predictions/multiplier/1", "[[2,4,6,8]]")]
    [InlineData("/predictions/multiplier/1.0", "[[2,4,6,8]]")]
    [InlineData("/predictions/multiplier/2", "[[3,6,9,12]]")]
    public async Task A_version_in_the_path_picks_that_version_spelled_as_a_number_or_with_dot_zero(string path, string expected)
    {
        var (status, body) = await PostJsonAsync(path, "[[1,2,3,4]]");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, body!.ToJsonString());
    }

    [Fact]
    public async Task Json_in_the_form_field_data_feeds_a_model_without_a_bytes_input()
    {
        using var form = new MultipartFormDataContent { { new StringContent("[[1,2,3,4]]"), "data" } };

        var (status, body) = await Client.SendAsync(HttpMethod.Post, "/predictions/multiplier/1", form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("[[2,4,6,8]]", body!.ToJsonString());
    }

    [Fact]
    public async Task Bytes_outputs_come_back_as_utf8_strings()
    {
        var sixteen = "[" + string.Join(",", Enumerable.Range(0, 16).Select(value => $"\"{value}\"")) + "]";
        var ones = "[" + string.Join(",", Enumerable.Repeat("\"1\"", 16)) + "]";

        var (status, body) = await PostJsonAsync("/predictions/simple_string", $$"""{"INPUT0": [{{sixteen}}], "INPUT1": [{{ones}}]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("1", body!["OUTPUT0"]![0]![0]!.GetValue<string>());
        Assert.Equal("16", body["OUTPUT0"]![0]![15]!.GetValue<string>());
    }

    public static TheoryData<string, string, HttpStatusCode, string, string> Errors => new()
    {
        { "/predictions/no_such_model", "[[1]]", HttpStatusCode.NotFound, "ModelNotFoundException", "unknown model 'no_such_model'" },
        { "/predictions/multiplier/9", "[[1,2,3,4]]", HttpStatusCode.NotFound, "ModelNotFoundException", "unknown version 9 of model 'multiplier'" },
        { "/predictions/multiplier/latest", "[[1,2,3,4]]", HttpStatusCode.BadRequest, "BadRequestException", "model version 'latest' of model 'multiplier' is not a version number" },
        { "/predictions/multiplier", "[[1,2,3,4", HttpStatusCode.BadRequest, "BadRequestException", "the request body is not valid JSON" },
        { "/predictions/simple", $"[{Sixteen}]", HttpStatusCode.BadRequest, "BadRequestException", "the body is an array, but model 'simple' has 2 inputs (INPUT0, INPUT1)" },
        { "/predictions/simple", $$"""{"INPUT0": [{{Sixteen}}], "INPUT9": [{{Sixteen}}]}""", HttpStatusCode.BadRequest, "BadRequestException",
            "the body has 'INPUT9', which is not an input of model 'simple'; its inputs are: INPUT0, INPUT1" },
        { "/predictions/simple", $$"""{"INPUT0": [{{Sixteen}}]}""", HttpStatusCode.BadRequest, "BadRequestException", "model 'simple' expects input 'INPUT1'" },
        { "/predictions/multiplier", "\"text\"", HttpStatusCode.BadRequest, "BadRequestException", "model 'multiplier' takes a JSON object from input name to nested arrays (INPUT)" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Errors_come_in_torchserves_shape_with_the_status_of_their_kind(
        string path, string json, HttpStatusCode expectedStatus, string expectedType, string expectedMessage)
    {
        var (status, body) = await PostJsonAsync(path, json);

        var (type, message) = TorchServeJson.ErrorOf(status, body);
        Assert.Equal(expectedStatus, status);
        Assert.Equal(expectedType, type);
        Assert.Contains(expectedMessage, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_without_data_or_body_is_refused_for_a_json_model()
    {
        using var form = new MultipartFormDataContent { { new StringContent("[[1,2,3,4]]"), "image" } };

        var (status, body) = await Client.SendAsync(HttpMethod.Post, "/predictions/multiplier", form);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("no field 'data' or 'body'", TorchServeJson.ErrorOf(status, body).Message, StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> PostJsonAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await Client.SendAsync(HttpMethod.Post, path, content);
    }
}

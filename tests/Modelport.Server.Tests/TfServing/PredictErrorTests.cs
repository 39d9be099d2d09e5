using System.Net;
using Modelport.Server.Tests.TestSupport;

namespace Modelport.Server.Tests.TfServing;

public sealed class PredictErrorTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    private const string Sixteen = "[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15]";

    private HttpClient Client => fixture.Server.Client;

    public static TheoryData<string, string, string, HttpStatusCode, string> Cases => new()
    {
        { "unknown model", "/v1/models/no_such_model:predict", """{"instances": [1]}""", HttpStatusCode.NotFound, "unknown model 'no_such_model'" },
        { "unknown version", "/v1/models/multiplier/versions/9:predict", """{"instances": [[1,2,3,4]]}""", HttpStatusCode.NotFound, "unknown version 9 of model 'multiplier'" },
        { "malformed JSON", "/v1/models/multiplier:predict", """{"instances": [""", HttpStatusCode.BadRequest, "the request body is not valid JSON" },
        { "empty body", "/v1/models/multiplier:predict", "", HttpStatusCode.BadRequest, "the request body is not valid JSON" },
        { "not an object", "/v1/models/multiplier:predict", "[[1,2,3,4]]", HttpStatusCode.BadRequest, "the request body must be a JSON object" },
        { "neither key", "/v1/models/multiplier:predict", """{"examples": []}""", HttpStatusCode.BadRequest, "neither 'instances' (row format) nor 'inputs' (columnar format)" },
        { "both keys", "/v1/models/multiplier:predict", """{"instances": [[1,2,3,4]], "inputs": [[1,2,3,4]]}""", HttpStatusCode.BadRequest, "both 'instances' and 'inputs'" },
        { "instances not a list", "/v1/models/multiplier:predict", """{"instances": {"INPUT": [1,2,3,4]}}""", HttpStatusCode.BadRequest, "'instances' must be a list, not an object" },
        { "no instances", "/v1/models/multiplier:predict", """{"instances": []}""", HttpStatusCode.BadRequest, "'instances' is an empty list" },
        { "instances of mismatched length", "/v1/models/multiplier:predict", """{"instances": [[1,2,3,4], [1,2,3]]}""", HttpStatusCode.BadRequest,
            "instances[1]: a list at depth 0 has 3 elements, but the shape read from instances[0] is [4], which needs 4" },
        { "instances of mismatched rank", "/v1/models/multiplier:predict", """{"instances": [[1,2,3,4], 5]}""", HttpStatusCode.BadRequest,
            "instances[1]: the value 5 is at depth 0, but the shape read from instances[0] is [4], which puts values at depth 1" },
        { "ragged columnar tensor", "/v1/models/multiplier:predict", """{"inputs": [[1,2,3,4], [1,2,3,4,5]]}""", HttpStatusCode.BadRequest,
            "'inputs' input 'INPUT': a list at depth 1 has 5 elements, but the shape read from its first elements is [2,4], which needs 4" },
        { "columnar inputs disagreeing on dimension 0", "/v1/models/simple:predict", $$$"""{"inputs": {"INPUT0": [{{{Sixteen}}}], "INPUT1": [{{{Sixteen}}}, {{{Sixteen}}}]}}""", HttpStatusCode.BadRequest,
            "inputs of model 'simple' disagree on the batch size: 'INPUT0' has 1, 'INPUT1' has 2" },
        { "string for an FP32 input", "/v1/models/multiplier:predict", """{"instances": [[1, 2, "three", 4]]}""", HttpStatusCode.BadRequest,
            "input 'INPUT': FP32 data must hold a number for each element, not \"three\"" },
        { "fraction for an INT32 input", "/v1/models/simple:predict", $$"""{"instances": [{"INPUT0": [1.5,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15], "INPUT1": {{Sixteen}}}]}""", HttpStatusCode.BadRequest,
            "input 'INPUT0': 1.5 is not a INT32 value" },
        { "number for a BYTES input", "/v1/models/simple_string:predict", """{"inputs": {"INPUT0": [[7]], "INPUT1": [["7"]]}}""", HttpStatusCode.BadRequest,
            "input 'INPUT0': BYTES data must hold a string for each element, not 7" },
        { "b64 for an FP32 input", "/v1/models/multiplier:predict", """{"instances": [[{"b64": "AAAA"}, 2, 3, 4]]}""", HttpStatusCode.BadRequest,
            "input 'INPUT': FP32 data must hold a number for each element, not an object" },
        { "invalid base64", "/v1/models/simple_string:predict", """{"inputs": {"INPUT0": [[{"b64": "not base64!"}]], "INPUT1": [["1"]]}}""", HttpStatusCode.BadRequest,
            "input 'INPUT0': \"not base64!\" in a \"b64\" object is not valid base64" },
        { "object that is not b64", "/v1/models/simple_string:predict", """{"inputs": {"INPUT0": [[{"b64": "AA==", "x": 1}]], "INPUT1": [["1"]]}}""", HttpStatusCode.BadRequest,
            "input 'INPUT0': an object value must be {\"b64\": \"<base64 string>\"}, with no other member" },
        { "plain instances for two inputs", "/v1/models/simple:predict", $$"""{"instances": [{{Sixteen}}]}""", HttpStatusCode.BadRequest,
            "instances[0] is not an object, but model 'simple' has 2 inputs (INPUT0, INPUT1); each instance must be an object that names them" },
        { "plain inputs for two inputs", "/v1/models/simple:predict", $$"""{"inputs": [{{Sixteen}}]}""", HttpStatusCode.BadRequest,
            "'inputs' is not an object, but model 'simple' has 2 inputs (INPUT0, INPUT1)" },
        { "unknown input name", "/v1/models/simple:predict", $$"""{"instances": [{"INPUT0": {{Sixteen}}, "INPUT7": {{Sixteen}}}]}""", HttpStatusCode.BadRequest,
            "instances[0] has 'INPUT7', which is not an input of model 'simple'; its inputs are: INPUT0, INPUT1" },
        { "input missing from a later instance", "/v1/models/simple:predict", $$"""{"instances": [{"INPUT0": {{Sixteen}}, "INPUT1": {{Sixteen}}}, {"INPUT0": {{Sixteen}}}]}""", HttpStatusCode.BadRequest,
            "instances[1] has no 'INPUT1', which instances[0] has" },
        { "input missing from every instance", "/v1/models/simple:predict", $$"""{"instances": [{"INPUT0": {{Sixteen}}}]}""", HttpStatusCode.BadRequest,
            "model 'simple' expects input 'INPUT1', which the request does not have" },
        { "wrong signature", "/v1/models/multiplier:predict", """{"signature_name": "predict_images", "instances": [[1,2,3,4]]}""", HttpStatusCode.BadRequest,
            "'signature_name' is \"predict_images\", but model 'multiplier' has the one signature \"serving_default\"" },
        { "signature not a string", "/v1/models/multiplier:predict", """{"signature_name": 100, "instances": [[1,2,3,4]]}""", HttpStatusCode.BadRequest,
            "'signature_name' must be a string, not 100" },
        { "more instances than max_batch_size", "/v1/models/multiplier:predict", """{"instances": [[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4],[1,2,3,4]]}""", HttpStatusCode.BadRequest,
            "max_batch_size 8" },
        { "classify", "/v1/models/iris_classifier:classify", """{"examples": [{"features": [1, 2, 3, 4]}]}""", HttpStatusCode.NotImplemented,
            "':classify' takes tf.Example inputs, which Modelport does not support; use ':predict'" },
        { "regress", "/v1/models/iris_classifier/versions/1:regress", """{"examples": [{"x": 1.0}]}""", HttpStatusCode.NotImplemented,
            "':regress' takes tf.Example inputs" },
        { "POST without a verb", "/v1/models/multiplier", """{"instances": [[1,2,3,4]]}""", HttpStatusCode.BadRequest, "Malformed request: POST /v1/models/multiplier" },
        { "unknown verb", "/v1/models/multiplier:explain", """{"instances": [[1,2,3,4]]}""", HttpStatusCode.BadRequest, "Malformed request: POST /v1/models/multiplier:explain" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_request_gets_the_status_and_a_message_naming_the_field_and_value(
        string description, string path, string body, HttpStatusCode expectedStatus, string expectedMessage)
    {
        var (status, answer) = await Client.PostAsync(path, body);

        Assert.True(expectedStatus == status, $"{description}: expected {expectedStatus}, got {status} {answer}");
        Assert.Contains(expectedMessage, HttpJson.ErrorOf(answer), StringComparison.Ordinal);
        var (stillServing, _) = await Client.PostAsync("/v1/models/multiplier:predict", """{"instances": [[1,2,3,4]]}""");
        Assert.Equal(HttpStatusCode.OK, stillServing);
    }

    [Fact]
    public async Task The_error_body_is_TF_Serving_s_one_key_object()
    {
        var (status, body) = await Client.PostAsync("/v1/models/no_such_model:predict", """{"instances": [1]}""");

        Assert.Equal(HttpStatusCode.NotFound, status);
        var member = Assert.Single(body!.AsObject());
        Assert.Equal(("error", "unknown model 'no_such_model'"), (member.Key, member.Value!.GetValue<string>()));
    }
}

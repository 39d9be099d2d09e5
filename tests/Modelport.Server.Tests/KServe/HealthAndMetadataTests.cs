using System.Net;
using Modelport.Server.Tests.TestSupport;

namespace Modelport.Server.Tests.KServe;

public sealed class HealthAndMetadataTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    private HttpClient Client => fixture.Server.Client;

    [Fact]
    public async Task Live_and_ready_answer_200_once_the_samples_are_loaded()
    {
        Assert.Equal(HttpStatusCode.OK, await fixture.Server.StatusOfAsync("/v2/health/live"));
        Assert.Equal(HttpStatusCode.OK, await fixture.Server.StatusOfAsync("/v2/health/ready"));
    }

    [Fact]
    public async Task Server_metadata_names_the_server_and_its_extensions()
    {
        var (status, body) = await Client.GetJsonAsync("/v2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("modelport", body!["name"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(body["version"]!.GetValue<string>()));
        var extensions = body["extensions"]!.AsArray().Select(node => node!.GetValue<string>()).ToList();
        Assert.Contains("binary_tensor_data", extensions);
        Assert.Contains("model_repository", extensions);
        Assert.Contains("model_configuration", extensions);
    }

    [Fact]
    public async Task Model_metadata_shows_the_batch_dimension_in_the_shapes()
    {
        var (status, body) = await Client.GetJsonAsync("/v2/models/simple");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("simple", body!["name"]!.GetValue<string>());
        Assert.Equal(["1"], body["versions"]!.AsArray().Select(node => node!.GetValue<string>()));
        Assert.Equal("onnxruntime_onnx", body["platform"]!.GetValue<string>());
        var inputs = body["inputs"]!.AsArray();
        Assert.Equal(["INPUT0", "INPUT1"], inputs.Select(input => input!["name"]!.GetValue<string>()));
        Assert.All(inputs, input =>
        {
            Assert.Equal("INT32", input!["datatype"]!.GetValue<string>());
            Assert.Equal([-1L, 16L], input["shape"]!.AsArray().Select(node => node!.GetValue<long>()));
        });
        Assert.Equal(["OUTPUT0", "OUTPUT1"], body["outputs"]!.AsArray().Select(output => output!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Metadata_of_a_model_with_two_versions_lists_both_and_each_version_answers()
    {
        var (_, model) = await Client.GetJsonAsync("/v2/models/multiplier");
        var (status, version1) = await Client.GetJsonAsync("/v2/models/multiplier/versions/1");

        Assert.Equal(["1", "2"], model!["versions"]!.AsArray().Select(node => node!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["1"], version1!["versions"]!.AsArray().Select(node => node!.GetValue<string>()));
    }

    [Theory]
    [InlineData("/v2/models/simple/ready", HttpStatusCode.OK)]
    [InlineData("/v2/models/multiplier/versions/2/ready", HttpStatusCode.OK)]
    [InlineData("/v2/models/no_such_model/ready", HttpStatusCode.NotFound)]
    [InlineData("/v2/models/simple/versions/7/ready", HttpStatusCode.NotFound)]
    [InlineData("/v2/models/no_such_model", HttpStatusCode.NotFound)]
    [InlineData("/v2/models/simple/versions/7", HttpStatusCode.NotFound)]
    public async Task Readiness_and_metadata_of_models_and_versions(string path, HttpStatusCode expected)
    {
        Assert.Equal(expected, await fixture.Server.StatusOfAsync(path));
    }

    [Fact]
    public async Task Config_of_a_model_is_its_config_pbtxt_as_json()
    {
        var (status, config) = await Client.GetJsonAsync("/v2/models/simple/config");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("simple", config!["name"]!.GetValue<string>());
        Assert.Equal(8, config["max_batch_size"]!.GetValue<int>());
        Assert.Equal("TYPE_INT32", config["input"]![0]!["data_type"]!.GetValue<string>());
        Assert.Equal([16L], config["input"]![0]!["dims"]!.AsArray().Select(node => node!.GetValue<long>()));
    }

    [Fact]
    public async Task Config_of_a_model_without_config_pbtxt_is_completed_from_the_onnx_signature()
    {
        var (status, config) = await Client.GetJsonAsync("/v2/models/identity_fp32_noconfig/config");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("identity_fp32_noconfig", config!["name"]!.GetValue<string>());
        Assert.Equal("onnxruntime_onnx", config["platform"]!.GetValue<string>());
        Assert.True(config["max_batch_size"]!.GetValue<int>() > 0, "a dynamic first dimension makes a batching model");
        Assert.Equal("INPUT", config["input"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("TYPE_FP32", config["input"]![0]!["data_type"]!.GetValue<string>());
        Assert.Equal([-1L], config["input"]![0]!["dims"]!.AsArray().Select(node => node!.GetValue<long>()));
        Assert.Equal("OUTPUT", config["output"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Repository_index_lists_every_sample_version_as_ready()
    {
        var (status, index) = await Client.PostAsync("/v2/repository/index", "{}");

        Assert.Equal(HttpStatusCode.OK, status);
        var rows = index!.AsArray().Select(row => (Name: row!["name"]!.GetValue<string>(), Version: row["version"]?.GetValue<string>(), State: row["state"]!.GetValue<string>())).ToList();
        Assert.Contains(("simple", "1", "READY"), rows);
        Assert.Contains(("multiplier", "1", "READY"), rows);
        Assert.Contains(("multiplier", "2", "READY"), rows);
        Assert.Contains(("simple_string", "1", "READY"), rows);
        Assert.Contains(("iris_classifier", "1", "READY"), rows);
        Assert.Contains(("identity_fp32_noconfig", "1", "READY"), rows);
    }
}

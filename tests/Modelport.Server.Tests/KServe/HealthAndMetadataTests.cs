using System.Net;
using Modelport.Core.Configuration;
using Modelport.Server.Tests.TestSupport;
using Modelport.Server.Tests.TestSupport.Clients;

namespace Modelport.Server.Tests.KServe;

public sealed class HealthAndMetadataTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    [Fact]
    public async Task Live_and_ready_answer_200_once_the_samples_are_loaded()
    {
        Assert.Equal(HttpStatusCode.OK, await fixture.Server.StatusOfAsync("/v2/health/live"));
        Assert.Equal(HttpStatusCode.OK, await fixture.Server.StatusOfAsync("/v2/health/ready"));
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Server_metadata_names_the_server_and_its_extensions(Transport transport)
    {
        var server = await fixture.Server.ClientFor(transport).ServerMetadataAsync();

        Assert.Equal("modelport", server.Name);
        Assert.False(string.IsNullOrEmpty(server.Version));
        Assert.Contains("binary_tensor_data", server.Extensions);
        Assert.Contains("model_repository", server.Extensions);
        Assert.Contains("model_configuration", server.Extensions);
        Assert.Contains("system_shared_memory", server.Extensions);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Model_metadata_shows_the_batch_dimension_in_the_shapes(Transport transport)
    {
        var model = await fixture.Server.ClientFor(transport).ModelMetadataAsync("simple");

        Assert.Equal("simple", model.Name);
        Assert.Equal(["1"], model.Versions);
        Assert.Equal("onnxruntime_onnx", model.Platform);
        Assert.Equal(["INPUT0", "INPUT1"], model.Inputs.Select(input => input.Name));
        Assert.All(model.Inputs, input =>
        {
            Assert.Equal("INT32", input.Datatype);
            Assert.Equal([-1L, 16L], input.Shape);
        });
        Assert.Equal(["OUTPUT0", "OUTPUT1"], model.Outputs.Select(output => output.Name));
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Metadata_of_a_model_with_two_versions_lists_both_and_each_version_answers(Transport transport)
    {
        var client = fixture.Server.ClientFor(transport);

        var model = await client.ModelMetadataAsync("multiplier");
        var version1 = await client.ModelMetadataAsync("multiplier", "1");

        Assert.Equal(["1", "2"], model.Versions);
        Assert.Equal(["1"], version1.Versions);
    }

    public static TheoryData<Transport, string> UnknownModels =>
        Transports.With(["no_such_model", "simple/7"]);

    [Theory]
    [MemberData(nameof(UnknownModels))]
    public async Task Metadata_of_an_unknown_model_or_version_is_not_found(Transport transport, string modelAndVersion)
    {
        var (model, version) = modelAndVersion.Split('/') is [var name, var number] ? (name, number) : (modelAndVersion, null);

        var error = await Assert.ThrowsAsync<ApiException>(() => fixture.Server.ClientFor(transport).ModelMetadataAsync(model, version));

        Assert.Equal(ApiError.NotFound, error.Code);
        Assert.Contains(version is null ? $"unknown model '{model}'" : $"unknown version {version} of model '{model}'", error.Message, StringComparison.Ordinal);
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

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Config_of_a_model_is_its_config_pbtxt(Transport transport)
    {
        var config = await fixture.Server.ClientFor(transport).ModelConfigAsync("simple");

        Assert.Equal("simple", config.Name);
        Assert.Equal(8, config.MaxBatchSize);
        Assert.Equal(DataType.TypeInt32, config.Input[0].DataType);
        Assert.Equal([16L], config.Input[0].Dims);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Config_of_a_model_without_config_pbtxt_is_completed_from_the_onnx_signature(Transport transport)
    {
        var config = await fixture.Server.ClientFor(transport).ModelConfigAsync("identity_fp32_noconfig");

        Assert.Equal("identity_fp32_noconfig", config.Name);
        Assert.Equal("onnxruntime_onnx", config.Platform);
        Assert.True(config.MaxBatchSize > 0, "a dynamic first dimension makes a batching model");
        Assert.Equal("INPUT", config.Input[0].Name);
        Assert.Equal(DataType.TypeFp32, config.Input[0].DataType);
        Assert.Equal([-1L], config.Input[0].Dims);
        Assert.Equal("OUTPUT", config.Output[0].Name);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Repository_index_lists_every_sample_version_as_ready(Transport transport)
    {
        var rows = (await fixture.Server.ClientFor(transport).RepositoryIndexAsync()).Select(row => (row.Name, row.Version, row.State)).ToList();

        Assert.Contains(("simple", "1", "READY"), rows);
        Assert.Contains(("multiplier", "1", "READY"), rows);
        Assert.Contains(("multiplier", "2", "READY"), rows);
        Assert.Contains(("simple_string", "1", "READY"), rows);
        Assert.Contains(("iris_classifier", "1", "READY"), rows);
        Assert.Contains(("identity_fp32_noconfig", "1", "READY"), rows);
    }
}

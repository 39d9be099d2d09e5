using Modelport.Client.Tests.TestSupport;

namespace Modelport.Client.Tests.Metadata;

public sealed class MetadataTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task The_server_is_live_and_ready_and_names_itself(Transport transport)
    {
        using var client = fixture.Server.Client(transport);

        Assert.True(await client.IsServerLiveAsync());
        Assert.True(await client.IsServerReadyAsync());
        var server = await client.GetServerMetadataAsync();

        Assert.Equal("modelport", server.Name);
        Assert.NotEmpty(server.Version);
        Assert.Contains("binary_tensor_data", server.Extensions);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Model_readiness_is_false_for_a_missing_model_or_version(Transport transport)
    {
        using var client = fixture.Server.Client(transport);

        Assert.True(await client.IsModelReadyAsync("simple"));
        Assert.True(await client.IsModelReadyAsync("multiplier", "2"));
        Assert.False(await client.IsModelReadyAsync("multiplier", "7"));
        Assert.False(await client.IsModelReadyAsync("no_such_model"));
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Model_readiness_of_a_version_that_is_not_a_number_is_an_error(Transport transport)
    {
        using var client = fixture.Server.Client(transport);

        var exception = await Assert.ThrowsAsync<InferenceServerException>(() => client.IsModelReadyAsync("simple", "latest"));

        Assert.Equal(ErrorKind.InvalidArgument, exception.ErrorKind);
        Assert.Contains("latest", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Model_metadata_lists_versions_and_tensors(Transport transport)
    {
        using var client = fixture.Server.Client(transport);

        var simple = await client.GetModelMetadataAsync("simple");
        var multiplier = await client.GetModelMetadataAsync("multiplier", "1");

        Assert.Equal("simple", simple.Name);
        Assert.Equal("onnxruntime_onnx", simple.Platform);
        Assert.Equal(["INPUT0", "INPUT1"], simple.Inputs.Select(input => input.Name));
        Assert.Equal(["OUTPUT0", "OUTPUT1"], simple.Outputs.Select(output => output.Name));
        var input = simple.Inputs[0];
        Assert.Equal(TensorDataType.Int32, input.Datatype);
        Assert.Equal([-1L, 16L], input.Shape);
        Assert.Equal("multiplier", multiplier.Name);
        Assert.Contains("1", multiplier.Versions);
    }

    [Theory]
    [MemberData(nameof(Transports.All), MemberType = typeof(Transports))]
    public async Task Model_config_comes_back_as_Tritons_json(Transport transport)
    {
        using var client = fixture.Server.Client(transport);

        var config = await client.GetModelConfigAsync("simple");
        var completed = await client.GetModelConfigAsync("identity_fp32_noconfig");

        Assert.Equal("simple", config.GetProperty("name").GetString());
        Assert.Equal(8, config.GetProperty("max_batch_size").GetInt32());
        var input = config.GetProperty("input")[0];
        Assert.Equal("INPUT0", input.GetProperty("name").GetString());
        Assert.Equal("TYPE_INT32", input.GetProperty("data_type").GetString());
        Assert.Equal(16, input.GetProperty("dims")[0].GetInt64());
        Assert.Equal("identity_fp32_noconfig", completed.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("simple")]
    [InlineData("simple_string")]
    [InlineData("iris_classifier")]
    [InlineData("identity_fp32_noconfig")]
    [InlineData("multiplier")]
    public async Task Model_config_json_is_the_same_over_http_and_grpc(string model)
    {
        using var http = fixture.Server.Client(Transport.Http);
        using var grpc = fixture.Server.Client(Transport.Grpc);

        var overHttp = await http.GetModelConfigAsync(model);
        var overGrpc = await grpc.GetModelConfigAsync(model);

        Assert.Equal(overHttp.GetRawText(), overGrpc.GetRawText());
    }
}

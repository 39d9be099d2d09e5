using System.Net;
using System.Text.Json.Nodes;
using Modelport.Core.Repository;
using Modelport.Server.Tests.TestSupport;
using OnnxType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Server.Tests.Repository;

public sealed class BadModelTests : IAsyncLifetime
{
    private readonly TempRepository _repository = new();
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        _repository
            .WriteModel("good", 1, TestModels.Scale(2))
            .WriteBytes("corrupt/1/model.onnx", "this is not an ONNX model"u8.ToArray())
            .WriteModel("contradicting", 1, TestModels.Identity(OnnxType.Int32))
            .WriteFile("contradicting/config.pbtxt", "max_batch_size: 4\ninput [ { name: \"X\" data_type: TYPE_FP32 dims: [ 4 ] } ]\n")
            .WriteModel("unknown_field", 1, TestModels.Scale(2))
            .WriteFile("unknown_field/config.pbtxt", "platform: \"onnxruntime_onnx\"\nmax_batch_sise: 4\n")
            .WriteModel("syntax_error", 1, TestModels.Scale(2))
            .WriteFile("syntax_error/config.pbtxt", "input [ { name: \"X\"\n")
            .WriteFile("empty_version/config.pbtxt", "platform: \"onnxruntime_onnx\"\n")
            .WriteFile("no_versions/config.pbtxt", "platform: \"onnxruntime_onnx\"\n");
        Directory.CreateDirectory(Path.Combine(_repository.Path, "empty_version", "1"));
        _server = await TestServer.StartAsync(new ModelRepositoryOptions { RepositoryPaths = [_repository.Path] });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _repository.Dispose();
    }

    [Theory]
    [InlineData("corrupt", "model.onnx")]
    [InlineData("contradicting", "TYPE_FP32")]
    [InlineData("unknown_field", "max_batch_sise")]
    [InlineData("syntax_error", "line")]
    [InlineData("empty_version", "version folder '1' has no model file 'model.onnx'")]
    [InlineData("no_versions", "has no numbered version folder")]
    public async Task A_bad_model_is_unavailable_with_its_reason_in_the_index(string model, string reasonFragment)
    {
        var (_, index) = await _server.Client.PostAsync("/v2/repository/index", "{}");

        var rows = index!.AsArray().Where(row => row!["name"]!.GetValue<string>() == model).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Equal("UNAVAILABLE", row!["state"]!.GetValue<string>()));
        Assert.Contains(rows, row => row!["reason"]!.GetValue<string>().Contains(reasonFragment, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_contradiction_names_the_tensor_and_both_types()
    {
        var (_, index) = await _server.Client.PostAsync("/v2/repository/index", "{}");

        var reason = index!.AsArray().Single(row => row!["name"]!.GetValue<string>() == "contradicting")!["reason"]!.GetValue<string>();
        Assert.Contains("'X'", reason, StringComparison.Ordinal);
        Assert.Contains("TYPE_INT32", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_unknown_field_error_names_its_line()
    {
        var (_, index) = await _server.Client.PostAsync("/v2/repository/index", "{}");

        var reason = index!.AsArray().Single(row => row!["name"]!.GetValue<string>() == "unknown_field")!["reason"]!.GetValue<string>();
        Assert.Contains("2", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_other_model_keeps_serving_and_the_bad_ones_answer_503_with_the_reason()
    {
        var (goodStatus, good) = await _server.Client.PostAsync("/v2/models/good/infer", TestModels.ScaleRequest);
        var (badStatus, bad) = await _server.Client.PostAsync("/v2/models/corrupt/infer", TestModels.ScaleRequest);

        Assert.Equal(HttpStatusCode.OK, goodStatus);
        Assert.Equal([2f, 4f, 6f, 8f], good!["outputs"]![0]!["data"]!.AsArray().Select(node => node!.GetValue<float>()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, badStatus);
        Assert.Contains("model.onnx", HttpJson.ErrorOf(bad), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_strict_readiness_a_failed_model_keeps_the_server_unready_while_it_stays_live()
    {
        Assert.Equal(HttpStatusCode.OK, await _server.StatusOfAsync("/v2/health/live"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await _server.StatusOfAsync("/v2/health/ready"));
        Assert.Equal(HttpStatusCode.OK, await _server.StatusOfAsync("/v2/models/good/ready"));
    }

    [Fact]
    public async Task Ready_only_index_lists_only_ready_versions()
    {
        var (_, index) = await _server.Client.PostAsync("/v2/repository/index", """{"ready": true}""");

        var row = Assert.Single(index!.AsArray());
        Assert.Equal("good", row!["name"]!.GetValue<string>());
        Assert.Equal("READY", row["state"]!.GetValue<string>());
    }
}

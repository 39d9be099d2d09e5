using Modelport.Core.Errors;
using Modelport.Core.Inference;
using Modelport.Core.Repository;
using Modelport.Core.Tests.TestSupport;

namespace Modelport.Core.Tests.Inference;

public sealed class InferenceServiceTests : IAsyncLifetime
{
    private const string ReshapedConfig = """
        max_batch_size: 2
        input [{ name: "INPUT0" data_type: TYPE_INT32 dims: [4] reshape: { shape: [2, 2] } }]
        output [{ name: "OUTPUT0" data_type: TYPE_INT32 dims: [4] reshape: { shape: [2, 2] } }]
        """;

    private readonly ServingHarness _harness = new();

    public async Task InitializeAsync()
    {
        _harness.Repository.AddModel("m", ReshapedConfig, 3);
        await _harness.StartAsync(_harness.Options(ModelControlMode.Explicit) with { StartupModels = ["*"] });
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task The_engine_sees_the_reshape_and_the_client_gets_the_output_back_in_the_config_dims()
    {
        var request = new InferenceRequest { ModelName = "m", Id = "r1", Inputs = [TensorData.Int32("INPUT0", [1, 4], 1, 2, 3, 4)] };

        using var response = (await _harness.Service.InferAsync(request, CancellationToken.None)).Value;

        Assert.Equal([1L, 2, 2], _harness.Backend.Model("m").Received.Single().Tensors[0].Shape);
        var output = Assert.Single(response.Outputs);
        Assert.Equal("OUTPUT0", output.Name);
        Assert.Equal([1L, 4], output.Shape);
        Assert.Equal([4, 5, 6, 7], TensorData.Int32s(output));
        Assert.Equal(("m", "3", "r1"), (response.ModelName, response.ModelVersion, response.Id));
    }

    [Fact]
    public async Task A_refused_request_releases_its_hold_on_the_model()
    {
        var result = await _harness.Service.InferAsync(Requests.Int32("m", 1, 2), CancellationToken.None);
        Assert.Equal(InferenceErrorKind.InvalidArgument, result.Error?.Kind);

        Assert.Null(await _harness.Manager.UnloadModelAsync("m", CancellationToken.None).WaitAsync(TestTimeouts.Guard));
    }

    [Fact]
    public async Task A_request_for_a_model_that_is_not_in_the_repository_is_not_found()
    {
        var result = await _harness.Service.InferAsync(Requests.Int32("absent", 1), CancellationToken.None);

        Assert.Equal(InferenceError.NotFound("unknown model 'absent'"), result.Error);
    }
}

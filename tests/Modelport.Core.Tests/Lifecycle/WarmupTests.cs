using System.Runtime.InteropServices;
using Modelport.Core.Errors;
using Modelport.Core.Lifecycle;
using Modelport.Core.Repository;
using Modelport.Core.Tests.TestSupport;

namespace Modelport.Core.Tests.Lifecycle;

public sealed class WarmupTests : IAsyncLifetime
{
    private const string Signature = """
        input [{ name: "INPUT0" data_type: TYPE_INT32 dims: [2] }]
        output [{ name: "OUTPUT0" data_type: TYPE_INT32 dims: [2] }]

        """;

    private readonly ServingHarness _harness = new();

    private FakeModelBehaviour Model => _harness.Backend.Model("m");

    public Task InitializeAsync() => _harness.StartAsync(ModelControlMode.Explicit);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Each_sample_runs_count_times_with_its_data_before_the_version_is_ready()
    {
        int[] fileValues = [7, 9];
        _harness.Repository
            .AddModel("m", Signature + Sample("zeros", "zero_data: true", count: 2) + Sample("random", "random_data: true", count: 0)
                + Sample("file", "input_data_file: \"pair.bin\"", count: 3), 1)
            .WriteBytes("m/warmup/pair.bin", MemoryMarshal.AsBytes(fileValues.AsSpan()).ToArray());
        var execution = Model.HoldExecutions(1);

        var load = _harness.Manager.LoadModelAsync("m", null, CancellationToken.None);
        await Model.FirstExecution.WaitAsync(TestTimeouts.Guard);

        Assert.Equal(ModelState.Loading, _harness.Row("m", "1").State);
        Assert.Equal(InferenceErrorKind.NotReady, _harness.Manager.Acquire("m", null).Error?.Kind);

        execution.SetResult();
        Assert.Null(await load);

        Assert.Equal(ModelState.Ready, _harness.Row("m", "1").State);
        var received = Model.Received.Select(inputs => Assert.Single(inputs.Tensors)).ToList();
        Assert.Equal(6, received.Count);
        Assert.All(received, tensor => Assert.Equal([2L], tensor.Shape));
        Assert.All(received[..2], tensor => Assert.Equal([0, 0], TensorData.Int32s(tensor)));
        Assert.Equal(8, received[2].Data.Length);
        Assert.All(received[3..], tensor => Assert.Equal(fileValues, TensorData.Int32s(tensor)));
    }

    [Fact]
    public async Task A_sample_whose_dims_do_not_fit_the_model_fails_the_load_naming_the_sample()
    {
        _harness.Repository.AddModel("m", Signature + Sample("too long", "zero_data: true", count: 1, dims: "[3]"), 1);

        var error = await _harness.Manager.LoadModelAsync("m", null, CancellationToken.None);

        var row = _harness.Row("m", "1");
        Assert.Equal(ModelState.Unavailable, row.State);
        Assert.Equal(
            "warmup sample 'too long' is invalid: input 'INPUT0' of model 'm' has shape [3], but the model expects [2]",
            row.Reason);
        Assert.Contains(row.Reason, error?.Message, StringComparison.Ordinal);
        Assert.Equal(0, Model.Executions);
        await Model.Loaded.Single().Disposed.WaitAsync(TestTimeouts.Guard);
    }

    [Theory]
    [InlineData("../config.pbtxt")]
    [InlineData("/etc/hostname")]
    [InlineData("missing.bin")]
    public async Task An_input_data_file_that_is_not_in_the_warmup_folder_is_refused(string file)
    {
        _harness.Repository.AddModel("m", Signature + Sample("outside", $"input_data_file: \"{file}\"", count: 1), 1);

        await _harness.Manager.LoadModelAsync("m", null, CancellationToken.None);

        Assert.Equal(
            new ModelVersionStatus(
                "m", "1", ModelState.Unavailable, $"warmup sample 'outside' input 'INPUT0': input_data_file '{file}' is not a file in the model's 'warmup' folder"),
            _harness.Row("m", "1"));
        Assert.Equal(0, Model.Executions);
    }

    private static string Sample(string name, string data, int count, string dims = "[2]") =>
        $$"""
        model_warmup { name: "{{name}}" count: {{count}} inputs { key: "INPUT0" value: { data_type: TYPE_INT32 dims: {{dims}} {{data}} } } }

        """;
}

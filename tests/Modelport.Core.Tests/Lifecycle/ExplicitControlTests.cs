using Modelport.Core.Errors;
using Modelport.Core.Lifecycle;
using Modelport.Core.Repository;
using Modelport.Core.Tests.TestSupport;

namespace Modelport.Core.Tests.Lifecycle;

public sealed class ExplicitControlTests : IAsyncLifetime
{
    private readonly ServingHarness _harness = new();

    private FakeModelBehaviour Model => _harness.Backend.Model("m");

    public async Task InitializeAsync()
    {
        _harness.Repository.AddModel("m", versions: 1).AddModel("other", versions: 1);
        await _harness.StartAsync(_harness.Options(ModelControlMode.Explicit) with { StartupModels = ["other"] });
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public void Only_the_startup_models_load_and_the_others_are_listed_without_a_version()
    {
        Assert.Equal(
            [new ModelVersionStatus("m", string.Empty, ModelState.Unavailable, string.Empty), new ModelVersionStatus("other", "1", ModelState.Ready, string.Empty)],
            _harness.Manager.GetIndex());
        Assert.Equal(InferenceErrorKind.NotFound, _harness.Manager.Acquire("m", null).Error?.Kind);
    }

    [Fact]
    public async Task A_loaded_model_serves_and_an_unloaded_one_is_listed_unavailable_and_disposed()
    {
        Assert.Null(await _harness.Manager.LoadModelAsync("m", null, CancellationToken.None));
        Assert.Equal("1: 1", await _harness.InferAsync("m", 0));

        Assert.Null(await _harness.Manager.UnloadModelAsync("m", CancellationToken.None));

        Assert.Equal(new ModelVersionStatus("m", "1", ModelState.Unavailable, "unloaded"), _harness.Row("m", "1"));
        Assert.Equal(InferenceErrorKind.NotReady, _harness.Manager.Acquire("m", null).Error?.Kind);
        Assert.Equal(1, Model.Loaded.Single().DisposeCount);
    }

    [Fact]
    public async Task Unload_waits_for_the_requests_in_flight_and_refuses_new_ones_meanwhile()
    {
        await _harness.Manager.LoadModelAsync("m", null, CancellationToken.None);
        var execution = Model.HoldExecutions(1);
        var inFlight = _harness.Service.InferAsync(Requests.Int32("m", 5), CancellationToken.None).AsTask();

        var unload = _harness.Manager.UnloadModelAsync("m", CancellationToken.None);

        Assert.False(unload.IsCompleted);
        Assert.Equal(ModelState.Unloading, _harness.Row("m", "1").State);
        Assert.Equal(InferenceErrorKind.NotReady, _harness.Manager.Acquire("m", null).Error?.Kind);

        execution.SetResult();
        using (var response = (await inFlight).Value)
        {
            Assert.Equal([6], TensorData.Int32s(response.Outputs[0]));
            Assert.False(unload.IsCompleted);
        }

        Assert.Null(await unload.WaitAsync(TestTimeouts.Guard));
        Assert.Equal(new ModelVersionStatus("m", "1", ModelState.Unavailable, "unloaded"), _harness.Row("m", "1"));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("")]
    public async Task Invalid_model_names_are_refused(string name)
    {
        _harness.Repository.AddModel("a", versions: 1).AddModel("a/b", versions: 1);

        var load = await _harness.Manager.LoadModelAsync(name, null, CancellationToken.None);
        var unload = await _harness.Manager.UnloadModelAsync(name, CancellationToken.None);

        Assert.Equal(new InferenceError(InferenceErrorKind.InvalidArgument, $"'{name}' is not a valid model name"), load);
        Assert.Equal(new InferenceError(InferenceErrorKind.NotFound, $"unknown model '{name}'"), unload);
        Assert.Equal(0, _harness.Backend.Model("a").LoadCalls + _harness.Backend.Model(name).LoadCalls);
    }
}

using Modelport.Core.Errors;
using Modelport.Core.Repository;
using Modelport.Core.Tests.TestSupport;

namespace Modelport.Core.Tests.Lifecycle;

public sealed class ControlModeTests
{
    [Theory]
    [InlineData(ModelControlMode.None, "none")]
    [InlineData(ModelControlMode.Poll, "poll")]
    public async Task Load_and_unload_are_unsupported_outside_explicit_mode(ModelControlMode mode, string modeName)
    {
        await using var harness = new ServingHarness();
        harness.Repository.AddModel("m", versions: 1);
        await harness.StartAsync(mode);

        var load = await harness.Manager.LoadModelAsync("m", null, CancellationToken.None);
        var unload = await harness.Manager.UnloadModelAsync("m", CancellationToken.None);

        Assert.Equal(
            new InferenceError(
                InferenceErrorKind.Unsupported,
                $"cannot load models: the repository API works only with --model-control-mode=explicit (this server runs in mode '{modeName}')"),
            load);
        Assert.Equal(InferenceErrorKind.Unsupported, unload?.Kind);
        Assert.StartsWith("cannot unload models:", unload?.Message, StringComparison.Ordinal);
        Assert.Equal("1: 1", await harness.InferAsync("m", 0));
        Assert.Equal(1, harness.Backend.Model("m").LoadCalls);
    }
}

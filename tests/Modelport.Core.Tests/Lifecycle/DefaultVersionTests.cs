using Modelport.Core.Errors;
using Modelport.Core.Repository;
using Modelport.Core.Tests.TestSupport;

namespace Modelport.Core.Tests.Lifecycle;

public sealed class DefaultVersionTests : IAsyncLifetime
{
    private const string AllVersions = "version_policy: { all { } }\n";

    private readonly ServingHarness _harness = new();

    public async Task InitializeAsync()
    {
        _harness.Repository.AddModel("m", AllVersions, 1, 2, 3);
        await _harness.StartAsync(_harness.Options(ModelControlMode.Explicit) with { StartupModels = ["m"] });
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Without_a_default_a_request_without_version_gets_the_highest_ready_one()
    {
        Assert.Equal("3: 3", await _harness.InferAsync("m", 0));
    }

    [Fact]
    public async Task A_default_version_answers_requests_without_version_and_named_versions_still_answer()
    {
        Assert.Null(_harness.Manager.SetDefaultVersion("m", 2));

        Assert.Equal("2: 2", await _harness.InferAsync("m", 0));
        Assert.Equal("3: 3", await _harness.InferVersionAsync("m", "3", 0));
        using var lease = _harness.Manager.Acquire("m", null).Value;
        Assert.Equal(2, lease.Handle.Version);
    }

    [Fact]
    public void Setting_an_unknown_model_or_version_as_default_is_not_found()
    {
        Assert.Equal(new InferenceError(InferenceErrorKind.NotFound, "unknown model 'nope'"), _harness.Manager.SetDefaultVersion("nope", 1));
        Assert.Equal(new InferenceError(InferenceErrorKind.NotFound, "unknown version 7 of model 'm'"), _harness.Manager.SetDefaultVersion("m", 7));
    }

    [Fact]
    public async Task The_default_is_forgotten_when_the_model_is_unloaded()
    {
        _harness.Manager.SetDefaultVersion("m", 1);

        await _harness.Manager.UnloadModelAsync("m", CancellationToken.None);
        await _harness.Manager.LoadModelAsync("m", null, CancellationToken.None);

        Assert.Equal("3: 3", await _harness.InferAsync("m", 0));
    }

    [Fact]
    public async Task The_highest_ready_version_answers_while_a_reload_has_dropped_the_default_version()
    {
        _harness.Manager.SetDefaultVersion("m", 1);

        _harness.Repository.WriteFile("m/config.pbtxt", "version_policy: { specific { versions: [2, 3] } }\n");
        await _harness.Manager.LoadModelAsync("m", null, CancellationToken.None);

        Assert.Equal("3: 3", await _harness.InferAsync("m", 0));
    }
}

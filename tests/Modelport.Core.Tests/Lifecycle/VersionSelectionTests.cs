using Modelport.Core.Lifecycle;
using Modelport.Core.Tests.TestSupport;

namespace Modelport.Core.Tests.Lifecycle;

/// <summary>Which version folders the manager loads, per the config's <c>version_policy</c>.</summary>
public sealed class VersionSelectionTests : IAsyncLifetime
{
    private readonly ServingHarness _harness = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Latest_n_serves_the_n_highest_versions()
    {
        _harness.Repository.AddModel("m", "version_policy: { latest: { num_versions: 2 } }\n", 1, 2, 10);

        await _harness.StartAsync();

        Assert.Equal(["2", "10"], ReadyVersions());
        Assert.Equal(0, _harness.Backend.Model("m").LoadCallsOf(1));
        Assert.Equal("10: 10", await _harness.InferAsync("m", 0));
    }

    [Fact]
    public async Task All_serves_every_version()
    {
        _harness.Repository.AddModel("m", "version_policy: { all: {} }\n", 1, 2, 3);

        await _harness.StartAsync();

        Assert.Equal(["1", "2", "3"], ReadyVersions());
    }

    [Fact]
    public async Task Specific_serves_the_listed_versions_and_reports_a_listed_version_without_a_folder()
    {
        _harness.Repository.AddModel("m", "version_policy: { specific: { versions: [1, 3, 7] } }\n", 1, 2, 3);

        await _harness.StartAsync();

        Assert.Equal(
            [
                new ModelVersionStatus("m", "1", ModelState.Ready, string.Empty),
                new ModelVersionStatus("m", "3", ModelState.Ready, string.Empty),
                new ModelVersionStatus("m", "7", ModelState.Unavailable, "version 7 is listed in version_policy but has no version folder"),
            ],
            _harness.Manager.GetIndex());
        Assert.Equal("1: 1", await _harness.InferVersionAsync("m", "1", 0));
        Assert.Equal("3: 3", await _harness.InferAsync("m", 0));
    }

    [Fact]
    public async Task Version_folders_that_are_not_plain_numbers_are_ignored()
    {
        _harness.Repository.AddModel("m", "version_policy: { all: {} }\n", 2);
        foreach (var folder in new[] { "0", "01", "abc" })
        {
            _harness.Repository.WriteFile($"m/{folder}/model.fake", "weights");
        }

        await _harness.StartAsync();

        Assert.Equal(["2"], _harness.Manager.GetIndex().Select(row => row.Version));
        Assert.Equal(1, _harness.Backend.Model("m").LoadCalls);
    }

    private List<string> ReadyVersions() =>
        [.. _harness.Manager.GetIndex().Where(row => row.State == ModelState.Ready).Select(row => row.Version)];
}

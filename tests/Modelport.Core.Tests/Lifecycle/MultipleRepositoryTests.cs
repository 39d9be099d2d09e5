using Modelport.Core.Lifecycle;
using Modelport.Core.Tests.TestSupport;

namespace Modelport.Core.Tests.Lifecycle;

public sealed class MultipleRepositoryTests : IAsyncLifetime
{
    private readonly ServingHarness _harness = new();
    private readonly TestRepository _second = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        _second.Dispose();
    }

    [Fact]
    public async Task Models_from_both_repositories_serve()
    {
        _harness.Repository.AddModel("first", versions: 1);
        _second.AddModel("second", versions: 2);

        await _harness.StartAsync(_harness.Options() with { RepositoryPaths = [_harness.Repository.Path, _second.Path] });

        Assert.Equal("1: 1", await _harness.InferAsync("first", 0));
        Assert.Equal("2: 2", await _harness.InferAsync("second", 0));
    }

    [Fact]
    public async Task A_model_name_in_both_repositories_fails_with_a_reason_naming_both_folders()
    {
        _harness.Repository.AddModel("twin", versions: 1);
        _second.AddModel("twin", versions: 1);

        await _harness.StartAsync(_harness.Options() with { RepositoryPaths = [_harness.Repository.Path, _second.Path] });

        var row = Assert.Single(_harness.Manager.GetIndex());
        Assert.Equal(ModelState.Unavailable, row.State);
        Assert.Equal(string.Empty, row.Version);
        Assert.Equal(
            $"model 'twin' appears in more than one repository: '{Path.Combine(_harness.Repository.Path, "twin")}' and '{Path.Combine(_second.Path, "twin")}'",
            row.Reason);
        Assert.Contains(row.Reason, _harness.Manager.Acquire("twin", null).Error?.Message, StringComparison.Ordinal);
        Assert.Equal(0, _harness.Backend.Model("twin").LoadCalls);
    }
}

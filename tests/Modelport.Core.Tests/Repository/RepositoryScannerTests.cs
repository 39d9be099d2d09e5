using Modelport.Core.Repository;
using Modelport.Core.Tests.TestSupport;

namespace Modelport.Core.Tests.Repository;

public sealed class RepositoryScannerTests : IDisposable
{
    private readonly TestRepository _first = new();
    private readonly TestRepository _second = new();

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }

    [Fact]
    public void Model_folders_of_every_repository_are_found_and_hidden_folders_files_and_missing_repositories_skipped()
    {
        _first.AddModel("a").AddModel(".hidden").WriteFile("README.md", "not a model");
        _second.AddModel("b");

        var scan = RepositoryScanner.Scan([_first.Path, Path.Combine(_first.Path, "missing"), _second.Path]);

        Assert.Equal(["a", "b"], scan.Models.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Path.Combine(_second.Path, "b"), scan.Models["b"].Path);
        Assert.Empty(scan.Conflicts);
    }

    [Fact]
    public void A_name_in_two_repositories_is_a_conflict_naming_both_folders_and_not_a_model()
    {
        _first.AddModel("twin");
        _second.AddModel("twin");

        var scan = RepositoryScanner.Scan([_first.Path, _second.Path]);

        Assert.Empty(scan.Models);
        Assert.Equal(
            $"model 'twin' appears in more than one repository: '{Path.Combine(_first.Path, "twin")}' and '{Path.Combine(_second.Path, "twin")}'",
            scan.Conflicts["twin"]);
    }
}

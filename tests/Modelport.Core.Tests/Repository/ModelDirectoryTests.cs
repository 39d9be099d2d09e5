using Modelport.Core.Repository;
using Modelport.Core.Tests.TestSupport;

namespace Modelport.Core.Tests.Repository;

public sealed class ModelDirectoryTests : IDisposable
{
    private readonly TestRepository _repository = new();
    private readonly ModelDirectory _directory;

    public ModelDirectoryTests()
    {
        _repository.AddModel("m", "max_batch_size: 0\n", 2, 10);
        _directory = new ModelDirectory("m", Path.Combine(_repository.Path, "m"));
    }

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void Version_folders_are_read_in_numeric_order_and_names_that_are_not_plain_numbers_are_ignored()
    {
        foreach (var folder in new[] { "0", "01", "abc", "-3", "1.5", "99999999999999999999" })
        {
            _repository.CreateFolder($"m/{folder}");
        }

        Assert.Equal([2L, 10], _directory.ReadVersionFolders().Select(folder => folder.Version));
    }

    [Fact]
    public void The_fingerprint_is_stable_while_nothing_changes()
    {
        Assert.Equal(_directory.ReadFingerprint(), _directory.ReadFingerprint());
    }

    [Fact]
    public void A_changed_version_file_changes_that_folders_fingerprint_only()
    {
        var before = _directory.ReadVersionFolders();
        var modelLevel = _directory.ReadModelLevelFingerprint();

        _repository.WriteVersion("m", 10, "retrained");

        var after = _directory.ReadVersionFolders();
        Assert.Equal(before[0].Fingerprint, after[0].Fingerprint);
        Assert.NotEqual(before[1].Fingerprint, after[1].Fingerprint);
        Assert.Equal(modelLevel, _directory.ReadModelLevelFingerprint());
    }

    [Theory]
    [InlineData("m/config.pbtxt", "max_batch_size: 8\n")]
    [InlineData("m/labels.txt", "cat\n")]
    public void A_changed_model_level_file_changes_the_model_level_fingerprint(string file, string text)
    {
        var before = _directory.ReadModelLevelFingerprint();

        _repository.WriteFile(file, text);

        Assert.NotEqual(before, _directory.ReadModelLevelFingerprint());
    }

    [Fact]
    public void A_new_version_folder_changes_the_fingerprint()
    {
        var before = _directory.ReadFingerprint();

        _repository.WriteVersion("m", 11);

        Assert.NotEqual(before, _directory.ReadFingerprint());
    }
}

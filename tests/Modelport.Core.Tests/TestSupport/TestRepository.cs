using System.Globalization;

namespace Modelport.Core.Tests.TestSupport;

/// <summary>
/// A model repository in a temporary folder, deleted on dispose. Every written file gets a modification time no other
/// write had, so a rewrite of the same length within one clock tick still changes the model's fingerprint.
/// </summary>
internal sealed class TestRepository : IDisposable
{
    private static readonly DateTime FirstWriteTime = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static int _writes;

    public string Path { get; } = Directory.CreateTempSubdirectory("modelport-core-").FullName;

    /// <summary>Writes a model: its config.pbtxt when given, and a loadable model file in each version folder.</summary>
    public TestRepository AddModel(string name, string? config = null, params long[] versions)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Path, name));
        if (config is not null)
        {
            WriteFile($"{name}/config.pbtxt", config);
        }

        foreach (var version in versions)
        {
            WriteVersion(name, version);
        }

        return this;
    }

    /// <summary>Writes a version's model file; text starting with <see cref="FakeBackend.FailPrefix"/> fails its load.</summary>
    public TestRepository WriteVersion(string name, long version, string modelText = "weights")
    {
        return WriteFile($"{name}/{version.ToString(CultureInfo.InvariantCulture)}/{FakeBackend.FileName}", modelText);
    }

    public TestRepository WriteFile(string relativePath, string text) => WriteBytes(relativePath, System.Text.Encoding.UTF8.GetBytes(text));

    public TestRepository WriteBytes(string relativePath, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        File.SetLastWriteTimeUtc(path, FirstWriteTime.AddSeconds(Interlocked.Increment(ref _writes)));
        return this;
    }

    public void CreateFolder(string relativePath) => Directory.CreateDirectory(System.IO.Path.Combine(Path, relativePath));

    public void DeleteFolder(string relativePath) => Directory.Delete(System.IO.Path.Combine(Path, relativePath), recursive: true);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

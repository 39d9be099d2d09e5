using Modelport.Onnx;

namespace Modelport.Testing;

/// <summary>A model repository in a temporary folder, deleted on dispose.</summary>
public sealed class TempRepository : IDisposable
{
    public TempRepository()
    {
        Path = Directory.CreateTempSubdirectory("modelport-repo-").FullName;
    }

    public string Path { get; }

    public string ModelFolder(string model) => System.IO.Path.Combine(Path, model);

    public TempRepository WriteModel(string model, long version, OnnxModelBuilder builder)
    {
        var folder = System.IO.Path.Combine(Path, model, version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        builder.WriteTo(System.IO.Path.Combine(folder, "model.onnx"));
        return this;
    }

    public TempRepository WriteFile(string relativePath, string text)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public TempRepository WriteBytes(string relativePath, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A model file still mapped by a session being disposed; the OS temp cleaner gets it later.
        }
    }
}

using Modelport.Onnx;

namespace Modelport.Client.Tests.TestSupport;

/// <summary>A model repository in a temporary folder, deleted on dispose.</summary>
internal sealed class TempRepository : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("modelport-client-").FullName;

    public TempRepository WriteModel(string model, long version, OnnxModelBuilder builder)
    {
        var folder = System.IO.Path.Combine(Path, model, version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        builder.WriteTo(System.IO.Path.Combine(folder, "model.onnx"));
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

namespace Modelport.Onnx.Tests;

internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("modelport-onnx-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

using Google.Protobuf;
using Modelport.Onnx.Proto;

namespace Modelport.Backends.OnnxRuntime.Tests;

/// <summary>A temporary folder for model files written by a test; deleted on dispose.</summary>
internal sealed class ModelDirectory : IDisposable
{
    private readonly string _path = Directory.CreateTempSubdirectory("modelport-ort-").FullName;

    public string Write(ModelProto model) => WriteBytes(model.ToByteArray());

    public string WriteBytes(byte[] bytes)
    {
        var path = Path.Combine(_path, $"{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string PathOf(string fileName) => Path.Combine(_path, fileName);

    public void Dispose() => Directory.Delete(_path, recursive: true);
}

using Google.Protobuf;
using Modelport.Onnx.Proto;

namespace Modelport.Onnx;

/// <summary>
/// Writes the model files of the sample repository in Triton's layout,
/// <c>&lt;model&gt;/&lt;version&gt;/model.onnx</c>. The config.pbtxt and labels.txt files
/// beside them are written by hand and are not produced here.
/// </summary>
public static class SampleRepository
{
    private static readonly (string Path, Func<ModelProto> Build)[] _files =
    [
        ("simple/1/model.onnx", SampleModels.Simple),
        ("simple_string/1/model.onnx", SampleModels.SimpleString),
        ("iris_classifier/1/model.onnx", SampleModels.IrisClassifier),
        ("identity_fp32_noconfig/1/model.onnx", SampleModels.IdentityFp32),
        ("multiplier/1/model.onnx", () => SampleModels.Multiplier(2)),
        ("multiplier/2/model.onnx", () => SampleModels.Multiplier(3)),
    ];

    /// <summary>Writes every sample model under <paramref name="outputDirectory"/>, replacing files that exist.</summary>
    /// <returns>The written files, relative to <paramref name="outputDirectory"/>, with '/' separators.</returns>
    public static IReadOnlyList<string> Generate(string outputDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        foreach (var (path, build) in _files)
        {
            string fullPath = Path.Combine(outputDirectory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            File.WriteAllBytes(fullPath, build().ToByteArray());
        }

        return [.. _files.Select(f => f.Path)];
    }
}

using Google.Protobuf;
using Modelport.Onnx.Proto;

namespace Modelport.Onnx;

/// <summary>Reads <c>.onnx</c> model files.</summary>
public static class OnnxModelFile
{
    /// <exception cref="InvalidDataException">The file is not a valid ONNX model; the message names it.</exception>
    public static ModelProto Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Parses model bytes; <paramref name="source"/> names them in error messages.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a valid ONNX model.</exception>
    public static ModelProto Parse(ReadOnlySpan<byte> bytes, string source)
    {
        if (bytes.IsEmpty)
        {
            throw NotAModel(source, "it is empty");
        }

        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw NotAModel(source, e.Message, e);
        }

        // Protobuf accepts many byte strings, a cut at a field boundary included; these fields
        // are required by the ONNX IR and catch what the parser lets through.
        string? problem =
            model.IrVersion <= 0 ? $"ir_version is {model.IrVersion}"
            : model.Graph is null ? "it has no graph"
            : model.OpsetImport.Count == 0 ? "it imports no operator set"
            : null;
        return problem is null ? model : throw NotAModel(source, problem);
    }

    private static InvalidDataException NotAModel(string source, string problem, Exception? inner = null) =>
        new($"'{source}' is not a valid ONNX model: {problem.TrimEnd('.')}.", inner);
}

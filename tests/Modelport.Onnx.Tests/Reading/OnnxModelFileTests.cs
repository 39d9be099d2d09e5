using Google.Protobuf;
using Modelport.Onnx.Proto;

namespace Modelport.Onnx.Tests.Reading;

public sealed class OnnxModelFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Read_ConformanceModel()
    {
        var model = OnnxModelFile.Read(Path.Combine(TestPaths.NodeTest("test_add"), "model.onnx"));

        Assert.Equal(["Add"], model.Graph.Node.Select(n => n.OpType));
        Assert.Equal(["x", "y"], model.Graph.Input.Select(i => i.Name));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Read_TruncatedModel_NamesFile(double keep)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(TestPaths.NodeTest("test_conv_with_strides_padding"), "model.onnx"));
        string path = Write("truncated.onnx", bytes[..(int)(bytes.Length * keep)]);

        var error = Assert.Throws<InvalidDataException>(() => OnnxModelFile.Read(path));

        Assert.StartsWith($"'{path}' is not a valid ONNX model: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ModelCutAfterItsGraph_IsRejected()
    {
        // Cut at a field boundary: the protobuf parser accepts it, the IR check does not.
        var model = new ModelProto { IrVersion = 8, Graph = new GraphProto { Name = "g" } };
        string path = Write("no-opset.onnx", model.ToByteArray());

        var error = Assert.Throws<InvalidDataException>(() => OnnxModelFile.Read(path));

        Assert.Equal($"'{path}' is not a valid ONNX model: it imports no operator set.", error.Message);
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("not an onnx model\n", "")]
    [InlineData("\u0008\u0000", "ir_version is 0")]
    public void Read_NotAModel_NamesFileAndProblem(string content, string problem)
    {
        string path = Write("bad.onnx", System.Text.Encoding.Latin1.GetBytes(content));

        var error = Assert.Throws<InvalidDataException>(() => OnnxModelFile.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => OnnxModelFile.Read(Path.Combine(_directory.Path, "missing.onnx")));
    }

    [Fact]
    public void Parse_NamesTheGivenSource()
    {
        var error = Assert.Throws<InvalidDataException>(() => OnnxModelFile.Parse([0xFF], "upload of model 'm'"));

        Assert.StartsWith("'upload of model 'm'' is not a valid ONNX model: ", error.Message, StringComparison.Ordinal);
    }

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_directory.Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}

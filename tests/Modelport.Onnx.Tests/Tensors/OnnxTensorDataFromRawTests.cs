using DataType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Onnx.Tests.Tensors;

public sealed class OnnxTensorDataFromRawTests
{
    [Fact]
    public void FromRaw_SplitsLengthPrefixedStrings()
    {
        byte[] data = Convert.FromHexString("0100000078" + "00000000" + "03000000797A7A");

        var tensor = OnnxTensorData.FromRaw("s", DataType.String, [3], data);

        Assert.Equal(["x", "", "yzz"], tensor.StringData.Select(s => s.ToStringUtf8()));
    }

    [Theory]
    [InlineData("010000", "ends inside element 0")]
    [InlineData("0500000078", "ends inside element 0")]
    [InlineData("0100000078", "ends inside element 1")]
    [InlineData("01000000780100000079FF", "1 bytes left")]
    public void FromRaw_MalformedStrings_Throw(string hex, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => OnnxTensorData.FromRaw("s", DataType.String, [2], Convert.FromHexString(hex)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRaw_WrongLength_NamesTensor()
    {
        var error = Assert.Throws<ArgumentException>(() => OnnxTensorData.FromRaw("w", DataType.Int64, [2, 2], new byte[16]));

        Assert.Contains("Tensor 'w' has 16 bytes of data where 4 INT64 elements take 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromRaw_NegativeDim_Throws()
    {
        Assert.Throws<ArgumentException>(() => OnnxTensorData.FromRaw("w", DataType.Float, [-1, 2], []));
    }

    [Fact]
    public void FromValues_MapsClrTypesToElementTypes()
    {
        Assert.Equal((int)DataType.Float, OnnxTensorData.FromValues<float>("a", [1f], [1]).DataType);
        Assert.Equal((int)DataType.Double, OnnxTensorData.FromValues<double>("a", [1d], [1]).DataType);
        Assert.Equal((int)DataType.Int8, OnnxTensorData.FromValues<sbyte>("a", [1], [1]).DataType);
        Assert.Equal((int)DataType.Uint8, OnnxTensorData.FromValues<byte>("a", [1], [1]).DataType);
        Assert.Equal((int)DataType.Int16, OnnxTensorData.FromValues<short>("a", [1], [1]).DataType);
        Assert.Equal((int)DataType.Uint16, OnnxTensorData.FromValues<ushort>("a", [1], [1]).DataType);
        Assert.Equal((int)DataType.Int32, OnnxTensorData.FromValues<int>("a", [1], [1]).DataType);
        Assert.Equal((int)DataType.Uint32, OnnxTensorData.FromValues<uint>("a", [1], [1]).DataType);
        Assert.Equal((int)DataType.Int64, OnnxTensorData.FromValues<long>("a", [1], [1]).DataType);
        Assert.Equal((int)DataType.Uint64, OnnxTensorData.FromValues<ulong>("a", [1], [1]).DataType);
        Assert.Equal((int)DataType.Bool, OnnxTensorData.FromValues<bool>("a", [true], [1]).DataType);
        Assert.Equal((int)DataType.Float16, OnnxTensorData.FromValues<Half>("a", [(Half)1], [1]).DataType);
    }

    [Fact]
    public void FromValues_WritesLittleEndianRawData()
    {
        var tensor = OnnxTensorData.FromValues<int>("a", [1, -1, 256, 0], [2, 2]);

        Assert.Equal([2L, 2L], tensor.Dims);
        Assert.Equal("01000000FFFFFFFF0001000000000000", Convert.ToHexString(tensor.RawData.Span));
    }

    [Fact]
    public void FromValues_UnsupportedType_Throws()
    {
        Assert.Throws<ArgumentException>(() => OnnxTensorData.FromValues<char>("a", ['x'], [1]));
    }

    [Fact]
    public void FromStrings_StoresUtf8_AndChecksCount()
    {
        var tensor = OnnxTensorData.FromStrings("s", ["1", "é"], [2]);

        Assert.Equal("0100000031" + "02000000C3A9", Convert.ToHexString(OnnxTensorData.ToRaw(tensor).Data.Span));
        Assert.Throws<ArgumentException>(() => OnnxTensorData.FromStrings("s", ["1"], [2]));
    }
}

using Google.Protobuf;
using Modelport.Onnx.Proto;
using DataType = Modelport.Onnx.Proto.TensorProto.Types.DataType;

namespace Modelport.Onnx.Tests.Tensors;

public sealed class OnnxTensorDataToRawTests
{
    // (tensor in a typed field, its raw form in hex)
    public static TheoryData<TensorProto, string> TypedFields => new()
    {
        { Tensor(DataType.Float, [2], t => t.FloatData.Add([1.5f, -2f])), "0000C03F000000C0" },
        { Tensor(DataType.Complex64, [1], t => t.FloatData.Add([1.5f, -2f])), "0000C03F000000C0" },
        { Tensor(DataType.Double, [2], t => t.DoubleData.Add([0.25, -1])), "000000000000D03F000000000000F0BF" },
        { Tensor(DataType.Complex128, [1], t => t.DoubleData.Add([0.25, -1])), "000000000000D03F000000000000F0BF" },
        { Tensor(DataType.Int64, [2], t => t.Int64Data.Add([-1, 1L << 40])), "FFFFFFFFFFFFFFFF0000000000010000" },
        { Tensor(DataType.Uint64, [2], t => t.Uint64Data.Add([ulong.MaxValue, 7])), "FFFFFFFFFFFFFFFF0700000000000000" },
        { Tensor(DataType.Uint32, [2], t => t.Uint64Data.Add([uint.MaxValue, 5])), "FFFFFFFF05000000" },
        { Tensor(DataType.Int32, [2], t => t.Int32Data.Add([-2, 70000])), "FEFFFFFF70110100" },
        { Tensor(DataType.Int16, [2], t => t.Int32Data.Add([-2, 300])), "FEFF2C01" },
        { Tensor(DataType.Uint16, [2], t => t.Int32Data.Add([65535, 1])), "FFFF0100" },
        { Tensor(DataType.Int8, [2], t => t.Int32Data.Add([-1, 127])), "FF7F" },
        { Tensor(DataType.Uint8, [2], t => t.Int32Data.Add([255, 0])), "FF00" },
        { Tensor(DataType.Bool, [3], t => t.Int32Data.Add([1, 0, 5])), "010001" },
        { Tensor(DataType.Float16, [2], t => t.Int32Data.Add([0x3E00, 0xC000])), "003E00C0" },
        { Tensor(DataType.Bfloat16, [2], t => t.Int32Data.Add([0x3FC0, 0xC000])), "C03F00C0" },
        { Tensor(DataType.Float8E4M3Fn, [2], t => t.Int32Data.Add([0x38, 0xC0])), "38C0" },
        { Tensor(DataType.Float8E4M3Fnuz, [1], t => t.Int32Data.Add(0x40)), "40" },
        { Tensor(DataType.Float8E5M2, [1], t => t.Int32Data.Add(0x3C)), "3C" },
        { Tensor(DataType.Float8E5M2Fnuz, [1], t => t.Int32Data.Add(0x40)), "40" },
        { Tensor(DataType.Float8E8M0, [1], t => t.Int32Data.Add(0x7F)), "7F" },
        // Sub-byte types: two (4-bit) or four (2-bit) elements per int32_data value.
        { Tensor(DataType.Int4, [3], t => t.Int32Data.Add([0x21, 0x0F])), "210F" },
        { Tensor(DataType.Uint4, [2], t => t.Int32Data.Add(0xF1)), "F1" },
        { Tensor(DataType.Float4E2M1, [1], t => t.Int32Data.Add(0x02)), "02" },
        { Tensor(DataType.Uint2, [5], t => t.Int32Data.Add([0xE4, 0x03])), "E403" },
        { Tensor(DataType.Int2, [4], t => t.Int32Data.Add(0x1B)), "1B" },
        { Tensor(DataType.String, [2], t => t.StringData.Add([ByteString.CopyFromUtf8("ab"), ByteString.Empty])), "020000006162" + "00000000" },
        { Tensor(DataType.String, [1], t => t.StringData.Add(ByteString.CopyFromUtf8("é"))), "02000000C3A9" },
    };

    [Theory]
    [MemberData(nameof(TypedFields))]
    public void ToRaw_ReadsEveryTypedField(TensorProto tensor, string expectedHex)
    {
        var raw = OnnxTensorData.ToRaw(tensor);

        Assert.Equal((DataType)tensor.DataType, raw.ElementType);
        Assert.Equal(tensor.Dims, raw.Dims);
        Assert.Equal(expectedHex, Convert.ToHexString(raw.Data.Span));
    }

    [Theory]
    [MemberData(nameof(TypedFields))]
    public void ToRaw_ReadsRawData_AndFromRawWritesIt(TensorProto typed, string expectedHex)
    {
        var type = (DataType)typed.DataType;
        byte[] bytes = Convert.FromHexString(expectedHex);

        var tensor = OnnxTensorData.FromRaw("t", type, [.. typed.Dims], bytes);

        Assert.Equal(type == DataType.String, tensor.RawData.IsEmpty);
        Assert.Equal(expectedHex, Convert.ToHexString(OnnxTensorData.ToRaw(tensor).Data.Span));
    }

    [Fact]
    public void ToRaw_ScalarHasOneElement_AndZeroDimHasNone()
    {
        var scalar = OnnxTensorData.ToRaw(Tensor(DataType.Float, [], t => t.FloatData.Add(1f)));
        var empty = OnnxTensorData.ToRaw(Tensor(DataType.Float, [2, 0], _ => { }));

        Assert.Empty(scalar.Dims);
        Assert.Equal(4, scalar.Data.Length);
        Assert.Equal([2L, 0L], empty.Dims);
        Assert.Equal(0, empty.Data.Length);
    }

    [Fact]
    public void ToRaw_TypedFieldWithWrongCount_NamesTensorAndField()
    {
        var tensor = Tensor(DataType.Int32, [3], t => t.Int32Data.Add([1, 2]));

        var error = Assert.Throws<InvalidDataException>(() => OnnxTensorData.ToRaw(tensor));

        Assert.Contains("'t'", error.Message, StringComparison.Ordinal);
        Assert.Contains("int32_data holds 2 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRaw_RawDataWithWrongLength_Throws()
    {
        var tensor = Tensor(DataType.Float, [2], t => t.RawData = ByteString.CopyFrom(new byte[7]));

        var error = Assert.Throws<InvalidDataException>(() => OnnxTensorData.ToRaw(tensor));

        Assert.Contains("raw_data holds 7 bytes where 2 FLOAT elements take 8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData((int)DataType.Undefined)]
    [InlineData(99)]
    public void ToRaw_UnknownElementType_Throws(int dataType)
    {
        var tensor = new TensorProto { Name = "t", DataType = dataType, RawData = ByteString.CopyFrom(1) };

        Assert.Throws<InvalidDataException>(() => OnnxTensorData.ToRaw(tensor));
    }

    [Fact]
    public void ToRaw_StringInRawData_Throws()
    {
        var tensor = Tensor(DataType.String, [1], t => t.RawData = ByteString.CopyFromUtf8("x"));

        Assert.Throws<InvalidDataException>(() => OnnxTensorData.ToRaw(tensor));
    }

    [Fact]
    public void ToRaw_ExternalData_Throws()
    {
        var tensor = Tensor(DataType.Float, [1], t => t.DataLocation = TensorProto.Types.DataLocation.External);

        var error = Assert.Throws<InvalidDataException>(() => OnnxTensorData.ToRaw(tensor));

        Assert.Contains("external file", error.Message, StringComparison.Ordinal);
    }

    private static TensorProto Tensor(DataType type, long[] dims, Action<TensorProto> fill)
    {
        var tensor = new TensorProto { Name = "t", DataType = (int)type };
        tensor.Dims.Add(dims);
        fill(tensor);
        return tensor;
    }
}
